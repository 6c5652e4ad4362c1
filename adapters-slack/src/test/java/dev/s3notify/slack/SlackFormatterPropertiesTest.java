package dev.s3notify.slack;

import dev.s3notify.testkit.FormatterProperties;
import dev.s3notify.spi.WebhookFormatterProvider;

/** Any link event detail and any template of valid pieces: a bounded, valid, escaped payload or a clear error. */
class SlackFormatterPropertiesTest extends FormatterProperties {
    @Override
    protected WebhookFormatterProvider provider() {
        return new SlackFormatterProvider();
    }

    @Override
    protected int maxBodyBytes() {
        return 40_000;
    }
}
