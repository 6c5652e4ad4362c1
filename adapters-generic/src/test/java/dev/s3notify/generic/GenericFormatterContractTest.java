package dev.s3notify.generic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.core.testing.WebhookFormatterContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The generic formatter keeps every formatter's promises, posting its document and posting a text template. */
class GenericFormatterContractTest extends WebhookFormatterContract {

    @Override
    protected WebhookFormatter formatter() {
        return new GenericFormatter();
    }

    @Override
    protected int maxBodyBytes() {
        return GenericFormatter.MAX_BODY_BYTES;
    }

    /** A machine receiver: raw file names are data, and no chat renders them. */
    @Override
    protected boolean isChatPlatform() {
        return false;
    }

    @Override
    protected void assertPlatformLimits(JsonNode body) {
        assertThat(body.path("specversion").asText()).isEqualTo("1");
        assertThat(body.path("type").asText()).isEqualTo("file-link-generated");
        assertThat(body.path("id").asText()).isEqualTo("evt-1");
        String message = body.path("message").asText();
        assertThat(message.codePointCount(0, message.length())).isLessThanOrEqualTo(
                GenericFormatter.MAX_MESSAGE_CODE_POINTS);
        assertThat(body.path("data").path("fileName").isTextual()).isTrue();
        assertThat(body.path("data").path("bucket").asText()).isNotEmpty();
    }

    /** With MESSAGE_TEMPLATE set and a text content type, the template's output is the body. */
    @Nested
    class TextTemplateBody extends WebhookFormatterContract {

        @Override
        protected WebhookFormatter formatter() {
            return new GenericFormatter();
        }

        @Override
        protected Map<String, String> settings() {
            return Map.of("MESSAGE_TEMPLATE", "set", "WEBHOOK_CONTENT_TYPE", "text/plain; charset=utf-8");
        }

        @Override
        protected int maxBodyBytes() {
            return GenericFormatter.MAX_BODY_BYTES;
        }

        @Override
        protected boolean isChatPlatform() {
            return false;
        }
    }
}
