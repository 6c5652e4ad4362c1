package dev.s3notify.teams;

import dev.s3notify.testkit.FormatterProperties;
import dev.s3notify.spi.WebhookFormatterProvider;

/** Any link event detail and any template of valid pieces: a bounded, valid, escaped payload or a clear error. */
class TeamsFormatterPropertiesTest extends FormatterProperties {
    @Override
    protected WebhookFormatterProvider provider() {
        return new TeamsFormatterProvider();
    }

    @Override
    protected int maxBodyBytes() {
        return 28_000;
    }
}
