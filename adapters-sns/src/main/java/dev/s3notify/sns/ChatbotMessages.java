package dev.s3notify.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Digest;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Link;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.TextLimit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The chatbot shape: Amazon Q Developer in chat applications' custom notification, {@code {"version":"1.0",
 * "source":"custom","id":...,"content":{"textType":"client-markdown","title":...,"description":...,
 * "nextSteps":[...],"keywords":[...]},"metadata":{...}}}. The description is the rendered message; a link it does
 * not carry goes in {@code nextSteps}. AWS documents the fields but no lengths for them, so s3-notify caps the
 * title at {@link #TITLE} and the description at {@link #DESCRIPTION} code points; SNS's 256 KiB bounds the whole.
 */
final class ChatbotMessages {
    static final TextLimit TITLE = TextLimit.codePoints(250);
    static final TextLimit DESCRIPTION = TextLimit.codePoints(4_000);
    static final TextLimit CONTEXT_VALUE = TextLimit.codePoints(1_024);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatbotMessages() {
    }

    static WebhookRequest single(Notification notification) {
        LinkEvent event = notification.event();
        String title = TITLE.cut(heading(event.eventType()) + ": " + PlainText.markdownLine(event.fileName()));
        String description = notification.message().isBlank() ? title : notification.message();
        ObjectNode root = envelope(notification.eventId(), title, description);
        ObjectNode content = (ObjectNode) root.get("content");
        if (notification.hasLink() && !description.contains(event.fileUrl())) {
            content.putArray("nextSteps").add("Download: " + event.fileUrl());
        }
        content.putArray("keywords").add("s3-notify").add(event.eventType().wireName());
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("summary", title);
        metadata.put("eventType", "s3-notify." + event.eventType().wireName());
        ObjectNode context = metadata.putObject("additionalContext");
        context.put("bucket", CONTEXT_VALUE.cut(PlainText.markdownLine(event.bucket())));
        context.put("key", CONTEXT_VALUE.cut(PlainText.markdownLine(event.key())));
        return json(root);
    }

    static Optional<WebhookRequest> digest(Digest digest) {
        String title = TITLE.cut("📁 " + digest.summary(PlainText::markdownLine));
        int listed = digest.mostListed(n -> DESCRIPTION.fits(digest.message(n))
                && fits(digestBody(digest, title, digest.message(n))));
        if (listed < digest.count() && digest.indexLink().isEmpty()) {
            return Optional.empty();
        }
        List<String> keep = digest.indexLink().map(Link::url).stream().toList();
        String description = listed < 0 ? DESCRIPTION.cut(digest.message(0), keep) : digest.message(listed);
        return Optional.of(json(digestBody(digest, title, description.isBlank() ? title : description)));
    }

    private static ObjectNode digestBody(Digest digest, String title, String description) {
        ObjectNode root = envelope(digest.id(), title, description);
        ObjectNode content = (ObjectNode) root.get("content");
        digest.indexLink().filter(index -> !description.contains(index.url()))
                .ifPresent(index -> content.putArray("nextSteps").add("All " + digest.count() + " files: "
                        + index.url()));
        content.putArray("keywords").add("s3-notify").add("digest");
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("summary", title);
        metadata.put("eventType", "s3-notify.digest");
        return root;
    }

    private static ObjectNode envelope(String id, String title, String description) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.put("source", "custom");
        root.put("id", id);
        ObjectNode content = root.putObject("content");
        content.put("textType", "client-markdown");
        content.put("title", title);
        content.put("description", description);
        return root;
    }

    private static String heading(EventType type) {
        return switch (type) {
            case CREATED -> "New file";
            case RESTORED -> "File restored";
            case DELETED -> "File removed";
            case RESTORE_STARTED -> "Restore started";
            case RESTORE_EXPIRED -> "Restored copy expired";
            case OTHER -> "File event";
        };
    }

    private static boolean fits(ObjectNode root) {
        return write(root).getBytes(StandardCharsets.UTF_8).length <= SnsFormatter.MAX_MESSAGE_BYTES;
    }

    private static WebhookRequest json(ObjectNode root) {
        return WebhookRequest.builder().body(write(root)).header(SnsFormatter.DEDUPLICATION_HEADER,
                root.get("id").asText()).build();
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
