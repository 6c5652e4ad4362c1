package dev.s3notify.mattermost;

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
import java.util.Map;

/** The dispatcher's render-then-format path and the fixtures, for the Mattermost tests. */
final class MattermostEvents {
    static final ObjectMapper JSON = new ObjectMapper();
    static final MattermostFormatterProvider PROVIDER = new MattermostFormatterProvider();

    private MattermostEvents() {
    }

    static WebhookFormatter formatter(Map<String, String> env) {
        return PROVIDER.create(FormatterContext.of(KindSettings.of(PROVIDER.variables(), env)));
    }

    static WebhookRequest request(LinkEvent event, String template, Map<String, String> env) {
        WebhookFormatter formatter = formatter(env);
        String message = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", formatter::escape)
                .render(TemplateModel.of(event, "evt-1"));
        return MessageFit.request("mattermost", formatter, new Notification(event, message, "evt-1"));
    }

    static JsonNode format(LinkEvent event, String template, Map<String, String> env) {
        return parse(request(event, template, env).body());
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode fixture(String name) {
        try (InputStream in = MattermostEvents.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
