package dev.s3notify.core.dispatch;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.templates.DigestTemplate;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.testing.TestFormatters;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.WebhookFormatter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The destination and notification the sender's tests send. */
final class SenderFixtures {
    static final Instant START = Instant.parse("2024-05-01T12:00:00Z");
    /** A presigned link's secret parts, as the link event carries them. */
    static final String SIGNATURE = "5ec2e7a9d1f0b3c4a6e8d2f1b0c9a7e5d3f1b2c4a6e8d0f2b4c6a8e0d2f4b6c8";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEPlantedSessionToken0123456789abcdef";
    static final String CREDENTIAL = "ASIAPLANTEDKEY123456%2F20240501%2Fus-east-1%2Fs3%2Faws4_request";
    static final String LINK = "https://uploads.s3.amazonaws.com/reports/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=" + CREDENTIAL + "&X-Amz-Security-Token=" + SESSION_TOKEN
            + "&X-Amz-Signature=" + SIGNATURE;

    private SenderFixtures() {
    }

    static Destination destination(String url) {
        return destination(url, new TestFormatters.Chat());
    }

    static Destination destination(String url, TestFormatters.Chat chat) {
        WebhookFormatter formatter = chat.create(FormatterContext.of(KindSettings.of(chat.variables(), Map.of())));
        return new Destination("chat", chat.kind(), formatter,
                MessageTemplate.compile("{{fileName}}", "test template", formatter::escape),
                DigestTemplate.compile(chat.defaultDigestTemplate(), "test digest template", formatter::escapeDigest),
                Secret.of(url));
    }

    static Notification notification() {
        LinkEvent event = LinkEvent.builder().fileName("report.pdf").fileUrl(LINK).bucket("uploads")
                .expirationTime("24 hours").timestamp(START).key("reports/report.pdf").size(1234L)
                .eventType(EventType.CREATED).eventTime(START).expiresAt(START.plus(Duration.ofDays(1)))
                .region("us-east-1").sourceEventId("s3-evt-1").build();
        return new Notification(event, "New file report.pdf", "evt-1");
    }
}
