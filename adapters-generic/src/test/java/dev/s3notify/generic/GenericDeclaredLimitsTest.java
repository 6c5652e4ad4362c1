package dev.s3notify.generic;

import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.DeclaredLimitsContract;

class GenericDeclaredLimitsTest extends DeclaredLimitsContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new GenericFormatterProvider();
    }
}
