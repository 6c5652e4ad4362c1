package dev.s3notify.discord;

import dev.s3notify.core.testing.FormatterProperties;
import dev.s3notify.spi.WebhookFormatter;

/** Any link event detail and any template of valid pieces: a bounded, valid, escaped payload or a clear error. */
class DiscordFormatterPropertiesTest extends FormatterProperties {
    @Override
    protected WebhookFormatter formatter() {
        return new DiscordFormatter();
    }

    @Override
    protected int maxBodyBytes() {
        return 32 * 1024;
    }
}
