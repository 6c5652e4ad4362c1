package dev.s3notify.discord;

import dev.s3notify.testkit.FormatterProperties;
import dev.s3notify.spi.WebhookFormatterProvider;

/** Any link event detail and any template of valid pieces: a bounded, valid, escaped payload or a clear error. */
class DiscordFormatterPropertiesTest extends FormatterProperties {
    @Override
    protected WebhookFormatterProvider provider() {
        return new DiscordFormatterProvider();
    }

    @Override
    protected int maxBodyBytes() {
        return 32 * 1024;
    }
}
