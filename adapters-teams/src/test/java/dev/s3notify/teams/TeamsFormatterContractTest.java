package dev.s3notify.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.text.TextUnit;
import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.WebhookFormatterContract;

class TeamsFormatterContractTest extends WebhookFormatterContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new TeamsFormatterProvider();
    }

    @Override
    protected int maxBodyBytes() {
        return 28_000;
    }

    @Override
    protected void assertPlatformLimits(JsonNode body) {
        assertThat(body.path("type").asText()).isEqualTo("message");
        assertThat(body.path("attachments")).hasSize(1);
        JsonNode attachment = body.path("attachments").path(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.4");
        JsonNode title = card.path("body").path(0);
        assertThat(title.path("type").asText()).isEqualTo("TextBlock");
        assertThat(TextUnit.CODE_POINTS.length(title.path("text").asText())).isLessThanOrEqualTo(2 * 256 + 30);
        for (JsonNode action : card.path("actions")) {
            String url = action.path("url").asText();
            assertThat(url).startsWith("https://").doesNotEndWith("…").hasSizeLessThanOrEqualTo(8_192);
        }
    }
}
