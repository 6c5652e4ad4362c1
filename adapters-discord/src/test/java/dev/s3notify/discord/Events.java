package dev.s3notify.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
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
import java.util.Map;

/** Fixed events, and formatting them as the dispatcher does. */
final class Events {
    static final Instant NOW = LinkEvents.NOW;
    static final ObjectMapper JSON = new ObjectMapper();
    static final DiscordFormatterProvider PROVIDER = new DiscordFormatterProvider();

    private Events() {
    }

    static LinkEvent created(String key, String url) {
        return event(key, url, EventType.CREATED);
    }

    /** The sample upload with {@code url} and {@code type}; without a link, also without lifetime and size. */
    static LinkEvent event(String key, String url, EventType type) {
        LinkEvent.Builder event = LinkEvents.upload(key).fileUrl(url).eventType(type);
        return (url == null ? event.expirationTime(null).size(null).expiresAt(null) : event).build();
    }

    static LinkEvent deleted(String key) {
        return event(key, null, EventType.DELETED);
    }

    /** The old system's event: five fields, no size, no expiry instant. */
    static LinkEvent oldSystem() {
        return LinkEvents.oldSystem().build();
    }

    static String url(String path) {
        return LinkEvents.link(path);
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
