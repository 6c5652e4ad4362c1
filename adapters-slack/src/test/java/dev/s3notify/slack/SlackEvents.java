package dev.s3notify.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.dispatch.MessageFit;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.testkit.LinkEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fixed events and the dispatcher's render-then-format path, for the Slack tests. */
final class SlackEvents {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = LinkEvents.NOW;
    static final String URL = "https://example-uploads.s3.us-east-1.amazonaws.com/reports/2026/Q3%20report.pdf"
            + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261121T171621Z&X-Amz-Expires=86400"
            + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + "0".repeat(64);

    private SlackEvents() {
    }

    static LinkEvent created(String key, String url) {
        return event(key, url, EventType.CREATED);
    }

    static LinkEvent created(String key) {
        return created(key, URL);
    }

    static LinkEvent event(String key, String url, EventType type) {
        return event(key.substring(key.lastIndexOf('/') + 1), key, url, type);
    }

    /** An event whose file name is exactly {@code name}, even when it holds a "/". */
    static LinkEvent named(String name, EventType type) {
        return event(name, "uploads/" + name, type.downloadable() ? URL : null, type);
    }

    /** The sample upload named {@code name}, with {@code url} and {@code type}; without a link, no lifetime or size. */
    static LinkEvent event(String name, String key, String url, EventType type) {
        LinkEvent.Builder event = LinkEvents.upload(key).fileName(name).fileUrl(url).eventType(type);
        return (url == null ? event.expirationTime(null).size(null).expiresAt(null) : event).build();
    }

    static LinkEvent deleted(String key) {
        return event(key, null, EventType.DELETED);
    }

    /** The old system's five fields, nothing else. */
    static LinkEvent oldSystem() {
        return LinkEvents.oldSystem().build();
    }

    static JsonNode format(LinkEvent event, String template) {
        return format(event, template, Map.of());
    }

    static JsonNode format(LinkEvent event, String template, Map<String, String> env) {
        WebhookFormatter formatter = formatter(env);
        String message = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", formatter::escape)
                .render(TemplateModel.of(event, "evt-1"));
        String body = MessageFit.request("slack", formatter, new Notification(event, message, "evt-1")).body();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WebhookFormatter formatter(Map<String, String> env) {
        SlackFormatterProvider provider = new SlackFormatterProvider();
        return provider.create(FormatterContext.of(KindSettings.of(provider.variables(), env)));
    }

    static List<String> blockTypes(JsonNode body) {
        List<String> types = new ArrayList<>();
        body.path("blocks").forEach(block -> types.add(block.path("type").asText()));
        return types;
    }

    static JsonNode fixture(String name) {
        try (InputStream in = SlackEvents.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
