package dev.s3notify.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.EventType;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.Notification;
import dev.s3notify.core.dispatch.MessageFit;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.core.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Events, settings and rendering as the dispatcher does them, for the generic formatter's tests. */
final class GenericTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-21T17:16:21Z");
    static final String EVENT_ID = "6f2f5a3c-0d1e-4c55-9a1e-2b8f4f1d7e90";
    static final String LINK = "https://example-uploads.s3.us-east-1.amazonaws.com/reports/Q3%20report.pdf"
            + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400&X-Amz-Signature=" + "0".repeat(64);
    static final String RESTORED_LINK = "https://example-uploads.s3.eu-west-1.amazonaws.com/archive/2019/ledger.csv"
            + "?versionId=IYV3p45BT0ac8hjHg1houSdS1a.Mro8e&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=7200"
            + "&X-Amz-Signature=" + "1".repeat(64);
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
        return new LinkEvent(LinkEvent.SCHEMA_VERSION, key.substring(key.lastIndexOf('/') + 1), url,
                "example-uploads", "24 hours", NOW, key, 1_572_864L, "b1946ac92492d2347c6235b4d2611184", null,
                EventType.CREATED, NOW.minusSeconds(1), NOW.plusSeconds(86_400), "us-east-1",
                "17793124-05d4-b198-2fde-7ededc63b103", "application/pdf");
    }

    static LinkEvent created(String key) {
        return created(key, LINK);
    }

    static LinkEvent restored(String key) {
        return new LinkEvent(LinkEvent.SCHEMA_VERSION, key.substring(key.lastIndexOf('/') + 1), RESTORED_LINK,
                "example-uploads", "2 hours", NOW, key, 1_572_864L, null, "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e",
                EventType.RESTORED, NOW.minusSeconds(5), NOW.plusSeconds(7_200), "eu-west-1", "a1b2c3d4", null);
    }

    static LinkEvent deleted(String key) {
        return new LinkEvent(LinkEvent.SCHEMA_VERSION, key.substring(key.lastIndexOf('/') + 1), null,
                "example-uploads", null, NOW, key, null, null, null, EventType.DELETED, NOW, null, "us-east-1",
                "0f1e2d3c", null);
    }

    /** The old system's five fields, with its Python timestamp read as UTC. */
    static LinkEvent oldSystem() {
        return new LinkEvent(null, "test-file.pdf", "https://your-bucket-name.s3.amazonaws.com/test-file.pdf?X=1",
                "your-bucket-name", "24 hours", Instant.parse("2024-01-01T12:00:00Z"), "test-file.pdf", null, null,
                null, EventType.CREATED, null, null, null, null, null);
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
