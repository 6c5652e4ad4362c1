package dev.s3notify.generic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.WebhookFormatterContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The generic formatter keeps every formatter's promises, posting its document and posting a text template. */
class GenericFormatterContractTest extends WebhookFormatterContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new GenericFormatterProvider();
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

    /** A digest is a document of its own type, with the files that fit under data.files. */
    @Override
    protected void assertDigestLimits(JsonNode body) {
        assertThat(body.path("specversion").asText()).isEqualTo("1");
        assertThat(body.path("type").asText()).isEqualTo("file-links-digest");
        assertThat(body.path("id").asText()).startsWith("digest-");
        String message = body.path("message").asText();
        assertThat(message.codePointCount(0, message.length())).isLessThanOrEqualTo(
                GenericFormatter.MAX_MESSAGE_CODE_POINTS);
        JsonNode data = body.path("data");
        assertThat(data.path("files").size()).isEqualTo(data.path("listed").asInt())
                .isLessThanOrEqualTo(data.path("count").asInt());
        if (data.path("listed").asInt() < data.path("count").asInt()) {
            assertThat(data.path("index").path("url").asText()).startsWith("https://");
        }
    }

    /** With MESSAGE_TEMPLATE set and a text content type, the template's output is the body. */
    @Nested
    class TextTemplateBody extends WebhookFormatterContract {

        @Override
        protected WebhookFormatterProvider provider() {
            return new GenericFormatterProvider();
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
