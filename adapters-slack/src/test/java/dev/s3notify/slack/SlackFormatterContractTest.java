package dev.s3notify.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.WebhookFormatterContract;

class SlackFormatterContractTest extends WebhookFormatterContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new SlackFormatterProvider();
    }

    /** Slack documents no body limit for webhooks; its texts total at most ~10,000 characters here. */
    @Override
    protected int maxBodyBytes() {
        return 40_000;
    }

    @Override
    protected void assertPlatformLimits(JsonNode body) {
        SlackLimits.assertWithinLimits(body);
    }
}
