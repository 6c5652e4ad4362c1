package dev.s3notify.teams;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Fixed events (2026-11-21T17:16:21Z), rendering as the dispatcher does, and fixture loading. */
final class Events {
    static final Instant NOW = LinkEvents.NOW;
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

    /** The sample upload with {@code url} and {@code type}; without a link, also without lifetime and size. */
    static LinkEvent event(String key, String url, EventType type) {
        LinkEvent.Builder event = LinkEvents.upload(key).fileUrl(url).eventType(type);
        return (url == null ? event.expirationTime(null).size(null).expiresAt(null) : event).build();
    }

    static LinkEvent deleted(String key) {
        return event(key, null, EventType.DELETED);
    }

    static LinkEvent oldSystem() {
        return LinkEvents.oldSystem().build();
    }

    static String url(String seed) {
        return LinkEvents.link(seed);
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
