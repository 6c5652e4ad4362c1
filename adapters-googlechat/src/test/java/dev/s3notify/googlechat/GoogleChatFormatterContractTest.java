package dev.s3notify.googlechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.text.TextUnit;
import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.WebhookFormatterContract;
import java.util.Map;

/** The contract every formatter keeps, run with a thread key: the larger body. */
class GoogleChatFormatterContractTest extends WebhookFormatterContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new GoogleChatFormatterProvider();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("GOOGLECHAT_THREAD_KEY", "s3-uploads");
    }

    /** Google Chat's documented limit for a whole message, text and cards. */
    @Override
    protected int maxBodyBytes() {
        return 32_000;
    }

    @Override
    protected void assertPlatformLimits(JsonNode body) {
        ChatLimits.assertWithin(body);
        assertThat(body.path("thread").path("threadKey").asText()).isEqualTo("s3-uploads");
        assertThat(TextUnit.CODE_POINTS.length(body.at("/cardsV2/0/card/header/title").asText()))
                .isLessThanOrEqualTo(2 * CardContent.MAX_TITLE + 30);
    }
}
