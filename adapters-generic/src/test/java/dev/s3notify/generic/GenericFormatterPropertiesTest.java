package dev.s3notify.generic;

import dev.s3notify.core.testing.FormatterProperties;
import dev.s3notify.spi.WebhookFormatter;

/** Any link event detail and any template of valid pieces: a bounded, valid, escaped payload or a clear error. */
class GenericFormatterPropertiesTest extends FormatterProperties {
    @Override
    protected WebhookFormatter formatter() {
        return new GenericFormatter();
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
