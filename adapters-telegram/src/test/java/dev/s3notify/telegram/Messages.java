package dev.s3notify.telegram;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashMap;
import java.util.Map;

/** Messages formatted as the dispatcher formats them, for a supergroup unless the settings say otherwise. */
final class Messages {
    static final TelegramFormatterProvider PROVIDER = new TelegramFormatterProvider();
    static final String SUPERGROUP = "-1001234567890";

    private Messages() {
    }

    /** @param settings the kind's variables; TELEGRAM_CHAT_ID is the supergroup unless given */
    static WebhookFormatter formatter(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(Map.of("TELEGRAM_CHAT_ID", SUPERGROUP));
        env.putAll(settings);
        return PROVIDER.create(FormatterContext.of(KindSettings.of(PROVIDER.variables(), env)));
    }

    static WebhookRequest format(LinkEvent event, String template, Map<String, String> settings) {
        WebhookFormatter formatter = formatter(settings);
        String rendered = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", formatter::escape)
                .render(TemplateModel.of(event, "evt-1"));
        return MessageFit.request(PROVIDER.kind(), formatter, new Notification(event, rendered, "evt-1"));
    }

    static WebhookRequest format(LinkEvent event) {
        return format(event, PROVIDER.defaultTemplate(), Map.of());
    }

    static LinkEvent upload() {
        return LinkEvents.upload("reports/Q3 report.pdf").fileUrl(LinkEvents.link("reports/Q3%20report.pdf")).build();
    }

    static JsonNode json(WebhookRequest request) {
        return json(request.body());
    }

    static JsonNode json(String text) {
        try {
            return TelegramChat.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode fixture(String name) {
        try (InputStream in = Messages.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return TelegramChat.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
