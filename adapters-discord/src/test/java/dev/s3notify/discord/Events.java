package dev.s3notify.discord;

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
import java.time.Instant;
import java.util.Map;

/** Fixed events, and formatting them as the dispatcher does. */
final class Events {
    static final Instant NOW = Instant.parse("2026-11-21T17:16:21Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static final DiscordFormatterProvider PROVIDER = new DiscordFormatterProvider();

    private Events() {
    }

    static LinkEvent created(String key, String url) {
        return event(key, url, EventType.CREATED);
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

    /** The old system's event: five fields, no size, no expiry instant. */
    static LinkEvent oldSystem() {
        return new LinkEvent(null, "test-file.pdf", "https://your-bucket-name.s3.amazonaws.com/test-file.pdf?X=1",
                "your-bucket-name", "24 hours", Instant.parse("2024-01-01T12:00:00Z"), "test-file.pdf", null, null,
                null, EventType.CREATED, null, null, null, null, null);
    }

    static String url(String path) {
        return "https://example-uploads.s3.us-east-1.amazonaws.com/" + path
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400&X-Amz-Signature=" + "0".repeat(64);
    }

    static WebhookRequest format(LinkEvent event, String template, Map<String, String> env) {
        WebhookFormatter formatter = formatter(env);
        String message = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", formatter::escape)
                .render(TemplateModel.of(event, "evt-1"));
        return MessageFit.request(PROVIDER.kind(), formatter, new Notification(event, message, "evt-1"));
    }

    static WebhookFormatter formatter(Map<String, String> env) {
        return PROVIDER.create(FormatterContext.of(KindSettings.of(PROVIDER.variables(), env)));
    }

    static WebhookRequest format(LinkEvent event, String template) {
        return format(event, template, Map.of());
    }

    static JsonNode body(WebhookRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode embed(WebhookRequest request) {
        return body(request).path("embeds").path(0);
    }

    static JsonNode fixture(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
