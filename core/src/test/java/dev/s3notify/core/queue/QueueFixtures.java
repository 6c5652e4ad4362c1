package dev.s3notify.core.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Destination;
import dev.s3notify.core.EventType;
import dev.s3notify.core.KindSettings;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.MessageTemplate;
import dev.s3notify.core.Notification;
import dev.s3notify.core.Secret;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import java.time.Instant;

/** Destinations and link events for the queue path's tests. */
final class QueueFixtures {
    static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueFixtures() {
    }

    /** A formatter whose body is the rendered text and the event id, under any kind name (pacing reads it). */
    static final class TextFormatter implements WebhookFormatter {
        private final String kind;

        TextFormatter(String kind) {
            this.kind = kind;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public WebhookRequest format(Notification notification, KindSettings settings) {
            ObjectNode body = JSON.createObjectNode().put("text", notification.message())
                    .put("eventId", notification.eventId());
            return WebhookRequest.json(body.toString());
        }

        @Override
        public String defaultTemplate() {
            return "{{fileName}} {{{fileUrl}}}";
        }
    }

    static Destination destination(String kind, String url) {
        return new Destination(kind, new TextFormatter(kind), KindSettings.none(),
                MessageTemplate.compile("{{fileName}} {{{fileUrl}}}", "MESSAGE_TEMPLATE", v -> v), Secret.of(url));
    }

    static LinkEvent upload(String key, long size) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return new LinkEvent(LinkEvent.SCHEMA_VERSION, name, "https://bucket.s3.amazonaws.com/" + key
                + "?X-Amz-Signature=abc&X-Amz-Expires=86400", "bucket", "24 hours", NOW, key, size, null, null,
                EventType.CREATED, NOW, NOW.plusSeconds(86_400), "eu-west-1", "s3-" + key, null);
    }

    static QueuedLink queued(int n, LinkEvent event) {
        return new QueuedLink("msg-" + n, "receipt-" + n, "arn:aws:sqs:eu-west-1:123456789012:links", "eb-" + n,
                event);
    }
}
