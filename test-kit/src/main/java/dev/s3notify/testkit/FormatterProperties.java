package dev.s3notify.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.dispatch.MessageFit;
import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.Notification;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.testing.HostileArbitraries;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The property-based half of the formatter contract (jqwik): any {@code file-link-generated} detail, read through
 * {@link LinkEventJson}, and any template of valid pieces give a payload within the platform's size, valid JSON when
 * its type says so, that pings nobody on a chat platform; or a clear error. Extend it in a formatter's test sources
 * and say which provider and what its limits are.
 */
public abstract class FormatterProperties {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return the provider under test */
    protected abstract WebhookFormatterProvider provider();

    /** @return the largest body the platform accepts, in bytes */
    protected abstract int maxBodyBytes();

    /** @return whether people read its messages in a chat, where a mention pings them */
    protected boolean isChatPlatform() {
        return true;
    }

    /** @return the values of the formatter's variables; none by default */
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Property(tries = 250)
    void anyDetailGivesABoundedValidEscapedPayloadOrAClearError(@ForAll("details") JsonNode detail,
            @ForAll("templates") String template) {
        WebhookFormatterProvider provider = provider();
        WebhookFormatter formatter = provider.create(
                FormatterContext.of(KindSettings.of(provider.variables(), settings())));
        WebhookRequest request;
        try {
            LinkEvent event = LinkEventJson.fromJson(detail);
            String message = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", formatter::escape)
                    .render(TemplateModel.of(event, "evt-1"));
            request = MessageFit.request(provider.kind(), formatter, new Notification(event, message, "evt-1"));
        } catch (S3NotifyException e) {
            HostileArbitraries.assertClear(e);
            return;
        }
        assertThat(request.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(maxBodyBytes());
        if (request.contentType().startsWith("application/json") && isChatPlatform()) {
            String all = parse(request.body()).toString();
            for (String token : HostileInput.MENTION_TOKENS) {
                assertThat(all).as("a mention in the body").doesNotContain(token);
            }
        }
    }

    @Provide
    Arbitrary<JsonNode> details() {
        return HostileArbitraries.linkEventDetails();
    }

    @Provide
    Arbitrary<String> templates() {
        return HostileArbitraries.templates(provider().defaultTemplate());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the body is not valid JSON: " + e.getMessage(), e);
        }
    }
}
