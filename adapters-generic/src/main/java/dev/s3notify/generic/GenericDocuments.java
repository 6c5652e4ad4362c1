package dev.s3notify.generic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.core.text.Boundary;
import dev.s3notify.core.text.TextLimit;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The generic webhook's documents: {@code file-link-generated} for one file, {@code file-links-digest} for several,
 * each with a {@code message} of at most {@link GenericFormatter#MAX_MESSAGE_CODE_POINTS} code points (a single
 * file's cut by core, a digest's here).
 */
final class GenericDocuments {
    /** A document's {@code message}: declared in the formatter's limits, so core cuts a single file's message. */
    static final TextLimit MESSAGE = TextLimit.codePoints(GenericFormatter.MAX_MESSAGE_CODE_POINTS)
            .keeping(Boundary.LINKS);

    private GenericDocuments() {
    }

    static String single(Notification notification) {
        ObjectNode document = header("file-link-generated", notification.eventId(), notification.message());
        document.set("data", LinkEventJson.toJson(notification.event()));
        return write(document);
    }

    /**
     * @param digest the files
     * @return the document, with every file that fits under {@code data.files}; empty when not all fit and there is
     *     no index link
     */
    static Optional<String> digest(Digest digest) {
        int listed = digest.mostListed(n -> write(digest(digest, n)).getBytes(StandardCharsets.UTF_8).length
                <= GenericFormatter.MAX_BODY_BYTES);
        if (listed < digest.count() && digest.indexLink().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(write(digest(digest, Math.max(0, listed))));
    }

    private static ObjectNode digest(Digest digest, int listed) {
        ObjectNode document = header("file-links-digest", digest.id(), MESSAGE.cut(digest.message(listed)));
        ObjectNode data = document.putObject("data");
        data.put("count", digest.count()).put("uploaded", digest.uploaded()).put("deleted", digest.deleted())
                .put("restored", digest.restored()).put("prefix", digest.commonPrefix())
                .put("totalSize", digest.totalSize());
        digest.buckets().forEach(data.putArray("buckets")::add);
        data.put("listed", listed);
        ArrayNode files = data.putArray("files");
        digest.notifications().subList(0, listed).forEach(n -> files.addObject()
                .put("eventId", n.eventId()).setAll(LinkEventJson.toJson(n.event())));
        digest.indexLink().ifPresent(link -> {
            ObjectNode index = data.putObject("index").put("url", link.url());
            if (link.expiresAt() != null) {
                index.put("expiresAt", link.expiresAt().toString());
            }
        });
        return document;
    }

    private static ObjectNode header(String type, String id, String message) {
        ObjectNode document = JsonText.MAPPER.createObjectNode();
        document.put("specversion", GenericFormatter.SPEC_VERSION);
        document.put("type", type);
        document.put("id", id);
        document.put("message", message);
        return document;
    }

    private static String write(ObjectNode document) {
        try {
            return JsonText.MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
