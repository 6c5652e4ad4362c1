package dev.s3notify.sns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.WebhookFormatterContract;
import java.util.Map;

/** The chatbot shape: people read it in Slack, Teams or Chime, so no file name may ping anyone. */
class SnsChatbotContractTest extends WebhookFormatterContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new SnsFormatterProvider();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("SNS_MESSAGE_SHAPE", "chatbot");
    }

    @Override
    protected int maxBodyBytes() {
        return SnsFormatter.MAX_MESSAGE_BYTES;
    }

    @Override
    protected void assertPlatformLimits(JsonNode body) {
        CustomNotificationSchema.assertValid(body);
    }
}
