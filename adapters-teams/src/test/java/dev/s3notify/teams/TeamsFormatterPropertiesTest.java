package dev.s3notify.teams;

import dev.s3notify.core.testing.FormatterProperties;
import dev.s3notify.spi.WebhookFormatter;

/** Any link event detail and any template of valid pieces: a bounded, valid, escaped payload or a clear error. */
class TeamsFormatterPropertiesTest extends FormatterProperties {
    @Override
    protected WebhookFormatter formatter() {
        return new TeamsFormatter();
    }

    @Override
    protected int maxBodyBytes() {
        return 28_000;
    }
}
