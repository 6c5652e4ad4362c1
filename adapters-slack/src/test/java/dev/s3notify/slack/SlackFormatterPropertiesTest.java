package dev.s3notify.slack;

import dev.s3notify.core.testing.FormatterProperties;
import dev.s3notify.spi.WebhookFormatter;

/** Any link event detail and any template of valid pieces: a bounded, valid, escaped payload or a clear error. */
class SlackFormatterPropertiesTest extends FormatterProperties {
    @Override
    protected WebhookFormatter formatter() {
        return new SlackFormatter();
    }

    @Override
    protected int maxBodyBytes() {
        return 40_000;
    }
}
