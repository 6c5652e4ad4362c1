package dev.s3notify.ntfy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.MessageFit;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.WebhookFormatter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** The dispatcher's render-then-format path and the fixtures, for the ntfy tests. */
final class NtfyEvents {
    static final ObjectMapper JSON = new ObjectMapper();
    static final NtfyFormatterProvider PROVIDER = new NtfyFormatterProvider();
    static final String TOPIC = "s3-uploads-7f3k9q";
    static final String TOKEN = "tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2";

    private NtfyEvents() {
    }

    /** @return the settings with {@code NTFY_TOPIC} added */
    static Map<String, String> withTopic(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("NTFY_TOPIC", TOPIC);
        return all;
    }

    static WebhookFormatter formatter(Map<String, String> env) {
        return PROVIDER.create(FormatterContext.of(KindSettings.of(PROVIDER.variables(), withTopic(env))));
    }

    static WebhookRequest request(LinkEvent event, String template, Map<String, String> env) {
        WebhookFormatter formatter = formatter(env);
        String message = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", formatter::escape)
                .render(TemplateModel.of(event, "evt-1"));
        return MessageFit.request("ntfy", formatter, new Notification(event, message, "evt-1"));
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode fixture(String name) {
        try (InputStream in = NtfyEvents.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
