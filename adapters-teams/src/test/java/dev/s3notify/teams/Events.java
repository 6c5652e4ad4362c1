package dev.s3notify.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.EventType;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.Notification;
import dev.s3notify.core.dispatch.MessageFit;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Fixed events (2026-11-21T17:16:21Z), rendering as the dispatcher does, and fixture loading. */
final class Events {
    static final Instant NOW = Instant.parse("2026-11-21T17:16:21Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static final TeamsFormatterProvider TEAMS = new TeamsFormatterProvider();
    static final WebhookFormatter FORMATTER = TEAMS.create(FormatterContext.of(KindSettings.none()));

    private Events() {
    }

    static LinkEvent created(String key, String url) {
        return event(key, url, EventType.CREATED);
    }

    static LinkEvent restored(String key, String url) {
        return event(key, url, EventType.RESTORED);
    }

    static LinkEvent event(String key, String url, EventType type) {
        return new LinkEvent(LinkEvent.SCHEMA_VERSION, key.substring(key.lastIndexOf('/') + 1), url,
                "example-uploads", url == null ? null : "24 hours", NOW, key, url == null ? null : 1_572_864L,
                "b1946ac92492d2347c6235b4d2611184", null, type, NOW.minusSeconds(1),
                url == null ? null : NOW.plusSeconds(86_400), "us-east-1", "17793124-05d4-b198-2fde-7ededc63b103",
                "application/pdf");
    }

    static LinkEvent deleted(String key) {
        return event(key, null, EventType.DELETED);
    }

    static LinkEvent oldSystem() {
        return new LinkEvent(null, "test-file.pdf", "https://your-bucket-name.s3.amazonaws.com/test-file.pdf?X=1",
                "your-bucket-name", "24 hours", Instant.parse("2024-01-01T12:00:00Z"), "test-file.pdf", null, null,
                null, EventType.CREATED, null, null, null, null, null);
    }

    static String url(String seed) {
        return "https://example-uploads.s3.us-east-1.amazonaws.com/" + seed
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400&X-Amz-Signature=" + "0".repeat(64);
    }

    static WebhookRequest format(LinkEvent event, String template) {
        String message = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", FORMATTER::escape)
                .render(TemplateModel.of(event, "evt-1"));
        return formatMessage(event, message);
    }

    static WebhookRequest formatMessage(LinkEvent event, String message) {
        return MessageFit.request(TEAMS.kind(), FORMATTER, new Notification(event, message, "evt-1"));
    }

    static JsonNode tree(WebhookRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + request.body(), e);
        }
    }

    static JsonNode card(WebhookRequest request) {
        return tree(request).path("attachments").path(0).path("content");
    }

    static JsonNode fixture(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new AssertionError("missing fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a body in target/payloads for checking by hand against the platform's schema. */
    static void keep(String name, WebhookRequest request) {
        try {
            Path dir = Path.of("target", "payloads");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".json"), request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
