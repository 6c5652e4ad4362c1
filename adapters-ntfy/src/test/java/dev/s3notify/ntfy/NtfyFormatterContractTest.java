package dev.s3notify.ntfy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.WebhookFormatterContract;
import java.util.Map;

class NtfyFormatterContractTest extends WebhookFormatterContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new NtfyFormatterProvider();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("NTFY_TOPIC", NtfyEvents.TOPIC, "NTFY_ACCESS_TOKEN", NtfyEvents.TOKEN);
    }

    /** ntfy reads JSON bodies of at most twice its 4,096-byte message limit. */
    @Override
    protected int maxBodyBytes() {
        return NtfyFormatter.MAX_BODY_BYTES;
    }

    /**
     * Push notifications, not a chat: ntfy has no mentions to escape; its rate is checked in
     * {@code NtfyFormatterTest}.
     */
    @Override
    protected boolean isChatPlatform() {
        return false;
    }

    @Override
    protected void assertPlatformLimits(JsonNode body) {
        NtfyLimits.assertWithinLimits(body);
    }
}
