package dev.s3notify.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.MessageFit;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.testkit.LinkEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Events, settings and rendering as the dispatcher does them, for the generic formatter's tests. */
final class GenericTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = LinkEvents.NOW;
    static final String EVENT_ID = "6f2f5a3c-0d1e-4c55-9a1e-2b8f4f1d7e90";
    static final String LINK = LinkEvents.link("reports/Q3 report.pdf");
    static final String RESTORED_LINK = LinkEvents.RESTORE_LINK;
    /** A JSON template as the README shows it. */
    static final String JSON_TEMPLATE = "{\"text\": \"{{fileName}} ({{eventType}}) in {{bucket}}\","
            + " \"key\": \"{{key}}\"{{#hasLink}}, \"url\": \"{{fileUrl}}\","
            + " \"expiresAt\": \"{{expiresAt}}\"{{/hasLink}}"
            + "{{#size}}, \"bytes\": {{size}}{{/size}}}";
    static final String TEXT_TEMPLATE = "{{fileName}} ({{sizeText}}) is in {{bucket}}{{#hasLink}}: {{{fileUrl}}}"
            + "{{/hasLink}}";

    private GenericTestSupport() {
    }

    static LinkEvent created(String key, String url) {
        return LinkEvents.upload(key).fileUrl(url).build();
    }

    static LinkEvent created(String key) {
        return created(key, LINK);
    }

    static LinkEvent restored(String key) {
        return LinkEvents.restore(key).build();
    }

    static LinkEvent deleted(String key) {
        return LinkEvents.deletion(key).build();
    }

    /** The old system's five fields, with its Python timestamp read as UTC. */
    static LinkEvent oldSystem() {
        return LinkEvents.oldSystem().build();
    }

    static KindSettings settings(Map<String, String> env) {
        return KindSettings.of(GenericVariables.ALL, env);
    }

    /**
     * Renders the template as the dispatcher does, and formats.
     *
     * @param env the variables; MESSAGE_TEMPLATE, when set, is the template rendered
     * @param event the event
     * @return the request
     */
    static WebhookRequest format(Map<String, String> env, LinkEvent event) {
        return MessageFit.request("generic", formatter(env), notification(env, event));
    }

    static GenericFormatter formatter(Map<String, String> env) {
        return new GenericFormatter(settings(env));
    }

    static Notification notification(Map<String, String> env, LinkEvent event) {
        GenericFormatter formatter = formatter(env);
        String template = env.getOrDefault("MESSAGE_TEMPLATE", new GenericFormatterProvider().defaultTemplate());
        String message = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", formatter::escape)
                .render(TemplateModel.of(event, EVENT_ID));
        return new Notification(event, message, EVENT_ID);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not valid JSON: " + e.getMessage(), e);
        }
    }

    static String fixture(String name) {
        try (InputStream in = GenericTestSupport.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new AssertionError("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode jsonFixture(String name) {
        return parse(fixture(name));
    }
}
