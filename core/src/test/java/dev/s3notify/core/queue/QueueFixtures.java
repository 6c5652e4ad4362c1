package dev.s3notify.core.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Digest;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.templates.DigestTemplate;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.time.Instant;
import java.util.Optional;

/** Destinations and link events for the queue path's tests. */
final class QueueFixtures {
    static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueFixtures() {
    }

    /** Characters of message text the fixture formatter takes, as a chat platform's content limit. */
    static final int TEXT_LIMIT = 2000;

    /**
     * A platform whose body is the rendered text and the event (or digest) id, under any kind name, declaring
     * the rate the pacer keeps to and taking at most so many characters of text.
     */
    static final class TextFormatterProvider implements WebhookFormatterProvider {
        private final String kind;
        private final RateLimit rate;
        private final int textLimit;

        TextFormatterProvider(String kind, RateLimit rate, int textLimit) {
            this.kind = kind;
            this.rate = rate;
            this.textLimit = textLimit;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public String defaultTemplate() {
            return "{{fileName}} {{{fileUrl}}}";
        }

        @Override
        public WebhookFormatter create(FormatterContext context) {
            return new TextFormatter(rate, textLimit);
        }
    }

    /** The configured fixture formatter: see {@link TextFormatterProvider}. */
    static final class TextFormatter implements WebhookFormatter {
        private final RateLimit rate;
        private final int textLimit;

        TextFormatter(RateLimit rate, int textLimit) {
            this.rate = rate;
            this.textLimit = textLimit;
        }

        @Override
        public WebhookRequest format(Notification notification) {
            return body(notification.message(), notification.eventId());
        }

        /** Lists as many files as fit; empty when that is not all of them and there is no index link. */
        @Override
        public Optional<WebhookRequest> formatDigest(Digest digest) {
            int listed = digest.mostListed(n -> digest.message(n).length() <= textLimit);
            if (listed < 0 || listed < digest.count() && digest.indexLink().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(body(digest.message(listed), digest.id()));
        }

        @Override
        public RateLimit rateLimit() {
            return rate;
        }

        private static WebhookRequest body(String text, String id) {
            ObjectNode body = JSON.createObjectNode().put("text", text).put("eventId", id);
            return WebhookRequest.json(body.toString());
        }
    }

    /** A destination with no documented rate and {@link #TEXT_LIMIT}. */
    static Destination destination(String kind, String url) {
        return destination(kind, url, RateLimit.UNKNOWN, TEXT_LIMIT);
    }

    static Destination destination(String kind, String url, RateLimit rate, int textLimit) {
        TextFormatterProvider provider = new TextFormatterProvider(kind, rate, textLimit);
        WebhookFormatter formatter = provider.create(FormatterContext.of(KindSettings.none()));
        return new Destination(kind, kind, formatter,
                MessageTemplate.compile(provider.defaultTemplate(), "MESSAGE_TEMPLATE", formatter::escape),
                DigestTemplate.compile(provider.defaultDigestTemplate(), "DIGEST_TEMPLATE", formatter::escapeDigest),
                Secret.of(url));
    }

    static LinkEvent upload(String key, long size) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return LinkEvent.builder().fileName(name)
                .fileUrl("https://bucket.s3.amazonaws.com/" + key + "?X-Amz-Signature=abc&X-Amz-Expires=86400")
                .bucket("bucket").expirationTime("24 hours").timestamp(NOW).key(key).size(size)
                .eventType(EventType.CREATED).eventTime(NOW).expiresAt(NOW.plusSeconds(86_400)).region("eu-west-1")
                .sourceEventId("s3-" + key).build();
    }

    static QueuedLink queued(int n, LinkEvent event) {
        return new QueuedLink("msg-" + n, "receipt-" + n, "arn:aws:sqs:eu-west-1:123456789012:links", "eb-" + n,
                event);
    }
}
