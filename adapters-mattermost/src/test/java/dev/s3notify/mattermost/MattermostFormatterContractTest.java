package dev.s3notify.mattermost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.WebhookFormatterContract;

class MattermostFormatterContractTest extends WebhookFormatterContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new MattermostFormatterProvider();
    }

    /** Mattermost's MaximumPayloadSizeBytes default. */
    @Override
    protected int maxBodyBytes() {
        return MattermostFormatter.MAX_BODY_BYTES;
    }

    @Override
    protected void assertPlatformLimits(JsonNode body) {
        MattermostLimits.assertWithinLimits(body);
    }
}
