package dev.s3notify.generic;

import dev.s3notify.testkit.FormatterProperties;
import dev.s3notify.spi.WebhookFormatterProvider;

/** Any link event detail and any template of valid pieces: a bounded, valid, escaped payload or a clear error. */
class GenericFormatterPropertiesTest extends FormatterProperties {
    @Override
    protected WebhookFormatterProvider provider() {
        return new GenericFormatterProvider();
    }

    @Override
    protected int maxBodyBytes() {
        return GenericFormatter.MAX_BODY_BYTES;
    }

    @Override
    protected boolean isChatPlatform() {
        return false;
    }
}
