package dev.s3notify.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.WebhookFormatterContract;
import java.util.Map;

class TelegramFormatterContractTest extends WebhookFormatterContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new TelegramFormatterProvider();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("TELEGRAM_CHAT_ID", Messages.SUPERGROUP, "TELEGRAM_THREAD_ID", "42");
    }

    /** 4,096 UTF-16 units of text are at most 12 KiB of UTF-8, and JSON escaping and a 2,048-character button add little. */
    @Override
    protected int maxBodyBytes() {
        return 32 * 1024;
    }

    @Override
    protected void assertPlatformLimits(JsonNode body) {
        TelegramLimits.assertWithin(body);
    }

    @Override
    protected void assertDigestLimits(JsonNode body) {
        TelegramLimits.assertDigestWithin(body);
    }
}
