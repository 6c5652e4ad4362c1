package dev.s3notify.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Digest;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.templates.TemplateModel;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A digest as Block Kit: the summary as header, the rendered digest template split at line ends into sections of
 * at most 3,000 characters, an "All files" button to the index page when there is one, and a context line. As many
 * files are listed as fit in {@link #MAX_SECTIONS} sections and {@link #MAX_BODY_BYTES}; Slack allows 50 blocks.
 */
final class SlackDigest {
    static final int MAX_SECTIONS = 20;
    /** Kept well under what Slack has been seen to accept, so a message is never refused for its size. */
    static final int MAX_BODY_BYTES = 38_000;

    private SlackDigest() {
    }

    /**
     * @param digest the files
     * @return the JSON body; empty when not every file fits and there is no index link
     */
    static Optional<String> body(Digest digest) {
        int listed = digest.mostListed(n -> sections(secure(digest, n)).map(s -> fits(digest, s)).orElse(false));
        if (listed < digest.count() && digest.indexLink().isEmpty()) {
            return Optional.empty();
        }
        List<String> sections = listed < 0 ? List.of(SlackMessage.TEXT.cut(secure(digest, 0)))
                : sections(secure(digest, listed)).orElseThrow();
        return Optional.of(write(digest, sections));
    }

    private static boolean fits(Digest digest, List<String> sections) {
        return write(digest, sections).getBytes(StandardCharsets.UTF_8).length <= MAX_BODY_BYTES;
    }

    /** The message with each listed link made safe inside {@code <url|name>}, as the single-file message does. */
    private static String secure(Digest digest, int listed) {
        String message = digest.message(listed);
        for (LinkEvent file : digest.files().subList(0, listed)) {
            if (file.fileUrl() != null) {
                message = SlackLinks.secure(message, file.fileUrl());
            }
        }
        return message;
    }

    /** @return the text in sections, whole lines each, or empty when a line is too long or there are too many */
    static Optional<List<String>> sections(String text) {
        List<String> sections = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!SlackMessage.TEXT.fits(line)) {
                return Optional.empty();
            }
            if (current.length() > 0 && !SlackMessage.TEXT.fits(current + "\n" + line)) {
                sections.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? "\n" : "").append(line);
        }
        if (!current.toString().isBlank()) {
            sections.add(current.toString());
        }
        return sections.size() <= MAX_SECTIONS ? Optional.of(sections) : Optional.empty();
    }

    private static String write(Digest digest, List<String> sections) {
        ObjectNode body = SlackMessage.JSON.createObjectNode();
        String summary = SlackText.escapeLine(digest.summary());
        body.put("text", SlackMessage.TEXT.cut(summary));
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.set("text", SlackMessage.plainText(SlackMessage.HEADER.cut(summary)));
        sections.stream().filter(s -> !s.isBlank()).forEach(s -> blocks.add(SlackMessage.section(s)));
        digest.indexLink().flatMap(link -> SlackLinks.buttonUrl(link.url()))
                .ifPresent(url -> blocks.add(SlackMessage.actions(url, "All " + digest.count() + " files")));
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").add(SlackMessage.mrkdwn(SlackMessage.TEXT.cut((digest.buckets().size() == 1
                ? "*Bucket:* " : "*Buckets:* ") + SlackText.escapeLine(String.join(", ", digest.buckets()))
                + (digest.totalSize() > 0 ? "   *Total size:* " + TemplateModel.sizeText(digest.totalSize()) : ""))));
        try {
            return SlackMessage.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
