package dev.s3notify.mattermost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.core.text.Boundary;
import dev.s3notify.core.text.TextLimit;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The incoming-webhook body: the overrides ({@code username}, {@code icon_url}, {@code channel}) and either one
 * Slack-compatible attachment (fallback, colour, a title linking the download, the rendered template as its
 * Markdown text, and bucket, size and expiry fields) or the rendered template as the post's Markdown {@code text}.
 */
final class MattermostMessage {
    /**
     * A post's text: 16,383 code points, Mattermost's limit (its server splits a longer webhook message into
     * several posts), never cut through an entity or a link; the message limit declared in
     * {@link MattermostFormatter#LIMITS}.
     */
    static final TextLimit TEXT = TextLimit.codePoints(16_383).keeping(Boundary.ENTITIES, Boundary.LINKS);
    /** An attachment's fallback and field values, kept short. */
    static final TextLimit SHORT = TextLimit.codePoints(300).keeping(Boundary.ENTITIES);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private MattermostMessage() {
    }

    /**
     * @param notification the event and the rendered, already escaped template
     * @param settings the overrides and the format
     * @return the JSON body
     */
    static String body(Notification notification, MattermostVariables.Settings settings) {
        LinkEvent event = notification.event();
        String url = event.fileUrl();
        String message = url == null ? notification.message() : secure(notification.message(), url);
        if (!message.equals(notification.message())) {
            message = TEXT.cut(message, List.of(linkSafe(url)));
        }
        ObjectNode body = start(settings);
        if (!settings.attachment()) {
            // Mattermost refuses a webhook message with neither text nor attachments.
            body.put("text", message.isBlank() ? MattermostText.escapeLine(headline(event)) : message);
            return write(body);
        }
        ObjectNode attachment = body.putArray("attachments").addObject();
        attachment.put("fallback", SHORT.cut(MattermostText.plain(headline(event))));
        attachment.put("color", color(event.eventType()));
        attachment.put("title", title(event.eventType()));
        if (url != null && event.eventType().downloadable()) {
            attachment.put("title_link", linkSafe(url));
        }
        if (!message.isBlank()) {
            attachment.put("text", message);
        }
        ArrayNode fields = attachment.putArray("fields");
        field(fields, "Bucket", MattermostText.escapeLine(event.bucket()));
        if (event.size() != null) {
            field(fields, "Size", TemplateModel.sizeText(event.size()));
        }
        if (url != null && event.expiresAt() != null) {
            field(fields, "Link expires", TIME.format(event.expiresAt()));
        } else if (url != null && event.expirationTime() != null) {
            field(fields, "Link expires in", MattermostText.escapeLine(event.expirationTime()));
        }
        return write(body);
    }

    /** The body's start: the overrides that are set. */
    static ObjectNode start(MattermostVariables.Settings settings) {
        ObjectNode body = JSON.createObjectNode();
        if (settings.username() != null) {
            body.put("username", settings.username());
        }
        if (settings.iconUrl() != null) {
            body.put("icon_url", settings.iconUrl());
        }
        if (settings.channel() != null) {
            body.put("channel", settings.channel());
        }
        return body;
    }

    static void field(ArrayNode fields, String title, String value) {
        fields.addObject().put("short", true).put("title", title).put("value", SHORT.cut(value));
    }

    static String write(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Our link generators make RFC 3986 URLs, which never hold a space, parentheses, angle brackets or a
     * backslash; should one ever do, it would end a Markdown link early, so those are percent-encoded (the same URL
     * to any server).
     */
    static String linkSafe(String url) {
        return url.replace("\\", "%5C").replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                .replace("<", "%3C").replace(">", "%3E");
    }

    /** @return the message with every raw occurrence of the link in its {@link #linkSafe} form */
    static String secure(String message, String url) {
        String safe = linkSafe(url);
        return safe.equals(url) ? message : message.replace(url, safe);
    }

    static String color(EventType type) {
        return switch (type) {
            case CREATED, RESTORED -> "#2EB886";
            case DELETED, RESTORE_EXPIRED -> "#A30200";
            case RESTORE_STARTED, OTHER -> "#439FE0";
        };
    }

    /** A fixed title: Mattermost runs its Slack conversions over titles, so no user text goes there. */
    private static String title(EventType type) {
        return switch (type) {
            case CREATED -> "New file";
            case DELETED -> "File removed";
            case RESTORED -> "File restored";
            case RESTORE_STARTED -> "Restore started";
            case RESTORE_EXPIRED -> "Restored copy expired";
            case OTHER -> "File event";
        };
    }

    private static String headline(LinkEvent event) {
        String name = event.fileName().isBlank() ? (event.key() == null || event.key().isBlank() ? "(unnamed object)"
                : event.key()) : event.fileName();
        return title(event.eventType()) + ": " + name;
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
