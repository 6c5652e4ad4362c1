package dev.s3notify.ntfy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.Notification;
import dev.s3notify.core.text.Boundary;
import dev.s3notify.core.text.TextLimit;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON body ntfy publishes from its root URL: {@code topic}, {@code title}, {@code message}, {@code tags},
 * {@code priority}, and with a link, {@code click} and one {@code view} action. A body stays within
 * {@link NtfyFormatter#MAX_BODY_BYTES}: when a long link would push it over, {@code click} is left out first (the
 * action still opens the link), then the action.
 */
final class NtfyMessage {
    /** ntfy's message limit: 4,096 bytes of UTF-8, never cut through a link; declared in {@link NtfyFormatter}. */
    static final TextLimit MESSAGE = TextLimit.utf8Bytes(4_096).keeping(Boundary.LINKS);
    /** The title, sent on by ntfy as a header: one line, kept short. */
    static final TextLimit TITLE = TextLimit.codePoints(200);
    static final ObjectMapper JSON = new ObjectMapper();

    private NtfyMessage() {
    }

    /**
     * @param notification the event and the rendered template
     * @param settings the topic, tags and priority
     * @return the JSON body
     */
    static String body(Notification notification, NtfyVariables.Settings settings) {
        EventType type = notification.event().eventType();
        String url = type.downloadable() ? notification.event().fileUrl() : null;
        String message = notification.message().isBlank() ? headline(notification) : notification.message();
        return write(settings, headline(notification), message, tag(type), url, "Download");
    }

    /**
     * @param settings the topic, tags and priority
     * @param title the title, before it is put on one line and cut
     * @param message the message, within {@link #MESSAGE}
     * @param eventTag the tag naming what happened, first among the tags
     * @param url the link for {@code click} and the action, or null
     * @param label the action's label
     * @return the body, with {@code click} and then the action left out when the link would make it too large
     */
    static String write(NtfyVariables.Settings settings, String title, String message, String eventTag, String url,
            String label) {
        ObjectNode body = JSON.createObjectNode().put("topic", settings.topic());
        body.put("title", TITLE.cut(oneLine(title)));
        body.put("message", message);
        List<String> tags = new ArrayList<>();
        tags.add(eventTag);
        settings.tags().forEach(tags::add);
        tags.forEach(body.putArray("tags")::add);
        body.put("priority", settings.priority());
        if (url == null) {
            return text(body);
        }
        body.put("click", url);
        body.putArray("actions").addObject().put("action", "view").put("label", label).put("url", url)
                .put("clear", true);
        if (fits(text(body))) {
            return text(body);
        }
        body.remove("click");
        if (fits(text(body))) {
            return text(body);
        }
        body.remove("actions");
        return text(body);
    }

    static boolean fits(String body) {
        return body.getBytes(StandardCharsets.UTF_8).length <= NtfyFormatter.MAX_BODY_BYTES;
    }

    private static String headline(Notification notification) {
        String name = notification.event().fileName().isBlank() ? notification.event().key()
                : notification.event().fileName();
        return switch (notification.event().eventType()) {
            case CREATED -> "New file: " + name;
            case DELETED -> "File removed: " + name;
            case RESTORED -> "File restored: " + name;
            case RESTORE_STARTED -> "Restore started: " + name;
            case RESTORE_EXPIRED -> "Restored copy expired: " + name;
            case OTHER -> "File event: " + name;
        };
    }

    /** Emoji short codes ntfy shows before the title. */
    static String tag(EventType type) {
        return switch (type) {
            case CREATED -> "inbox_tray";
            case DELETED -> "wastebasket";
            case RESTORED -> "file_folder";
            case RESTORE_STARTED -> "hourglass_flowing_sand";
            case RESTORE_EXPIRED -> "ice_cube";
            case OTHER -> "page_facing_up";
        };
    }

    /** ntfy sends the title on as a header: no line breaks, no control or bidi characters. */
    static String oneLine(String text) {
        return NtfyText.escape(text.replaceAll("\\p{Cntrl}+", " ")).strip();
    }

    private static String text(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
