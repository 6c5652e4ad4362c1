package dev.s3notify.googlechat;

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
import dev.s3notify.testkit.HostileInput;
import dev.s3notify.testkit.LinkEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The sample events of the test-kit (2026-11-21T17:16:21Z), formatted as the dispatcher formats them. */
final class ChatEvents {
    static final ObjectMapper JSON = new ObjectMapper();
    static final GoogleChatFormatterProvider CHAT = new GoogleChatFormatterProvider();
    static final WebhookFormatter PLAIN = formatter(Map.of());

    private ChatEvents() {
    }

    /** @return the formatter made from these values of its variables */
    static WebhookFormatter formatter(Map<String, String> settings) {
        return CHAT.create(FormatterContext.of(KindSettings.of(CHAT.variables(), settings)));
    }

    /** The sample upload with {@code url} and {@code type}; without a link, also without lifetime and size. */
    static LinkEvent event(String key, String url, EventType type) {
        LinkEvent.Builder event = LinkEvents.upload(key).fileUrl(url).eventType(type);
        return (url == null ? event.expirationTime(null).size(null).expiresAt(null) : event).build();
    }

    static LinkEvent upload(String key) {
        return event(key, HostileInput.url(key), EventType.CREATED);
    }

    /** @return the request for the event with the template rendered and fitted by core, as the dispatcher sends it */
    static WebhookRequest format(WebhookFormatter formatter, LinkEvent event, String template) {
        String message = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", formatter::escape)
                .render(TemplateModel.of(event, "evt-1"));
        return MessageFit.request(CHAT.kind(), formatter, new Notification(event, message, "evt-1"));
    }

    static WebhookRequest format(LinkEvent event) {
        return format(PLAIN, event, CHAT.defaultTemplate());
    }

    static JsonNode tree(WebhookRequest request) {
        return tree(request.body());
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static JsonNode fixture(String name) {
        try (InputStream in = ChatEvents.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            if (in == null) {
                throw new AssertionError("missing fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
