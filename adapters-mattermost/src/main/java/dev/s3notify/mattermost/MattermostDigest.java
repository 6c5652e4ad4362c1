package dev.s3notify.mattermost;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Digest;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.templates.TemplateModel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A digest as one post: the rendered digest template (the summary, then one Markdown link per file) as the post's
 * text or an attachment's, within Mattermost's 16,383 code points, so the server never splits it. As many files
 * are listed as fit; the others are reached through the index link.
 */
final class MattermostDigest {
    private MattermostDigest() {
    }

    /**
     * @param digest the files
     * @param settings the overrides and the format
     * @return the JSON body; empty when not every file fits and there is no index link
     */
    static Optional<String> body(Digest digest, MattermostVariables.Settings settings) {
        int listed = digest.mostListed(n -> fits(write(digest, secure(digest, n), settings)) && MattermostMessage.TEXT
                .fits(secure(digest, n)));
        if (listed < digest.count() && digest.indexLink().isEmpty()) {
            return Optional.empty();
        }
        String message = listed < 0 ? MattermostMessage.TEXT.cut(secure(digest, 0)) : secure(digest, listed);
        return Optional.of(write(digest, message, settings));
    }

    private static boolean fits(String body) {
        return body.getBytes(StandardCharsets.UTF_8).length <= MattermostFormatter.MAX_BODY_BYTES;
    }

    private static String secure(Digest digest, int listed) {
        String message = digest.message(listed);
        for (LinkEvent file : digest.files().subList(0, listed)) {
            if (file.fileUrl() != null) {
                message = MattermostMessage.secure(message, file.fileUrl());
            }
        }
        return message;
    }

    private static String write(Digest digest, String message, MattermostVariables.Settings settings) {
        ObjectNode body = MattermostMessage.start(settings);
        String text = message.isBlank() ? MattermostText.escapeLine(digest.summary()) : message;
        if (!settings.attachment()) {
            body.put("text", text);
            return MattermostMessage.write(body);
        }
        ObjectNode attachment = body.putArray("attachments").addObject();
        attachment.put("fallback", MattermostMessage.SHORT.cut(MattermostText.plain(digest.summary())));
        attachment.put("color", digest.deleted() == digest.count() ? "#A30200" : "#2EB886");
        attachment.put("text", text);
        ArrayNode fields = attachment.putArray("fields");
        MattermostMessage.field(fields, digest.buckets().size() == 1 ? "Bucket" : "Buckets",
                MattermostText.escapeLine(String.join(", ", digest.buckets())));
        if (digest.totalSize() > 0) {
            MattermostMessage.field(fields, "Total size", TemplateModel.sizeText(digest.totalSize()));
        }
        digest.indexLink().ifPresent(index -> attachment.put("title", "All " + digest.count() + " files")
                .put("title_link", MattermostMessage.linkSafe(index.url())));
        return MattermostMessage.write(body);
    }
}
