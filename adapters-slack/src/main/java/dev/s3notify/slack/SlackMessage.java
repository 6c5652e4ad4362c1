package dev.s3notify.slack;

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
import java.util.Optional;

/**
 * The incoming-webhook body: a top-level {@code text} for notifications, then Block Kit blocks: a header with the
 * file name, a section with the rendered template, an actions block with a Download button, and a context line
 * with bucket, size and link expiry. Three or four blocks, well under Slack's 50.
 */
final class SlackMessage {
    /**
     * A section's or context element's text: 3,000 UTF-16 units, never cut through an entity or a link; the
     * message's limit, declared in {@link SlackFormatter#LIMITS}.
     */
    static final TextLimit TEXT = TextLimit.utf16Units(3000).keeping(Boundary.ANGLE_BRACKETS, Boundary.ENTITIES);
    /** A header's plain text. */
    static final TextLimit HEADER = TEXT.withMax(150);
    static final String BUTTON_TEXT = "Download";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter FALLBACK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SlackMessage() {
    }

    /**
     * @param notification the event and the rendered, already escaped template
     * @param button whether to add a Download button when there is a link Slack accepts
     * @return the JSON body
     */
    static String body(Notification notification, boolean button) {
        LinkEvent event = notification.event();
        String url = event.fileUrl();
        ObjectNode body = JSON.createObjectNode();
        body.put("text", TEXT.cut(SlackText.escapeLine(fallback(event))));
        ArrayNode blocks = body.putArray("blocks");
        blocks.add(header(event));
        // Core cut the message to TEXT (SlackFormatter.LIMITS); percent-encoding a link's | < > can lengthen it
        // again, so a message whose link was encoded is held to TEXT once more.
        String message = url == null ? notification.message() : SlackLinks.secure(notification.message(), url);
        if (!message.isBlank()) {
            blocks.add(section(message.equals(notification.message()) ? message : TEXT.cut(message,
                    List.of(SlackLinks.mrkdwnSafe(url), SlackText.escape(SlackLinks.mrkdwnSafe(url))))));
        }
        Optional<String> buttonUrl = button ? SlackLinks.buttonUrl(url) : Optional.empty();
        buttonUrl.ifPresent(link -> blocks.add(actions(link)));
        blocks.add(context(event));
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode header(LinkEvent event) {
        ObjectNode block = JSON.createObjectNode().put("type", "header");
        block.set("text", plainText(HEADER.cut(SlackText.escapeLine(headline(event)))));
        return block;
    }

    static ObjectNode section(String text) {
        ObjectNode block = JSON.createObjectNode().put("type", "section");
        block.set("text", mrkdwn(text));
        return block;
    }

    static ObjectNode actions(String url) {
        return actions(url, BUTTON_TEXT);
    }

    static ObjectNode actions(String url, String label) {
        ObjectNode button = JSON.createObjectNode().put("type", "button");
        button.set("text", plainText(label));
        button.put("url", url).put("action_id", "download");
        ObjectNode block = JSON.createObjectNode().put("type", "actions");
        block.putArray("elements").add(button);
        return block;
    }

    private static ObjectNode context(LinkEvent event) {
        ObjectNode block = JSON.createObjectNode().put("type", "context");
        ArrayNode elements = block.putArray("elements");
        elements.add(mrkdwn(TEXT.cut("*Bucket:* " + SlackText.escapeLine(event.bucket()))));
        if (event.size() != null) {
            elements.add(mrkdwn("*Size:* " + TemplateModel.sizeText(event.size())));
        }
        if (event.fileUrl() != null && event.expiresAt() != null) {
            elements.add(mrkdwn("*Link expires:* " + slackDate(event.expiresAt())));
        } else if (event.fileUrl() != null && event.expirationTime() != null) {
            elements.add(mrkdwn(TEXT.cut("*Link expires in* " + SlackText.escapeLine(event.expirationTime()))));
        }
        if (event.fileUrl() != null && SlackLinks.mrkdwnSafe(event.fileUrl()).length() > SlackLinks.MAX_URL) {
            elements.add(mrkdwn("_The download link is longer than Slack accepts (" + SlackLinks.MAX_URL
                    + " characters), so it is left out._"));
        }
        return block;
    }

    /** Slack shows the time in each reader's own time zone; the fallback is for clients that cannot. */
    static String slackDate(Instant time) {
        return "<!date^" + time.getEpochSecond() + "^{date_short_pretty} {time}|" + FALLBACK_TIME.format(time)
                + ">";
    }

    private static String headline(LinkEvent event) {
        String name = displayName(event);
        return switch (event.eventType()) {
            case CREATED -> name;
            case DELETED -> "File removed: " + name;
            case RESTORED -> "File restored: " + name;
            case RESTORE_STARTED -> "Restore started: " + name;
            case RESTORE_EXPIRED -> "Restored copy expired: " + name;
            case OTHER -> "File event: " + name;
        };
    }

    private static String fallback(LinkEvent event) {
        return event.eventType() == EventType.CREATED ? "New file: " + displayName(event)
                : headline(event);
    }

    /** The file name; the key when the name is blank (a key ending in "/"); Slack refuses empty texts. */
    private static String displayName(LinkEvent event) {
        if (!event.fileName().isBlank()) {
            return event.fileName();
        }
        return event.key() != null && !event.key().isBlank() ? event.key() : "(unnamed object)";
    }

    static ObjectNode plainText(String text) {
        return JSON.createObjectNode().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    static ObjectNode mrkdwn(String text) {
        return JSON.createObjectNode().put("type", "mrkdwn").put("text", text);
    }
}
