package dev.s3notify.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.WebhookFormatterContract;
import java.util.Map;

class DiscordFormatterContractTest extends WebhookFormatterContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new DiscordFormatterProvider();
    }

    /** Settings that carry mention syntax too: they must be neutralised like file names. */
    @Override
    protected Map<String, String> settings() {
        return Map.of("DISCORD_USERNAME", "Uploads @everyone <@&42>", "FOOTER_TEXT", "Sent to @here by <@123>",
                "DISCORD_THREAD_ID", "1234567890123456789");
    }

    /**
     * Discord accepts far larger requests (25 MiB with files); its embed limits keep ours under 32 KiB, which
     * this asserts.
     */
    @Override
    protected int maxBodyBytes() {
        return 32 * 1024;
    }

    @Override
    protected void assertPlatformLimits(JsonNode body) {
        EmbedLimits.assertWithin(body);
    }
}
