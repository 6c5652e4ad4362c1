package dev.s3notify.slack;

import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.DeclaredLimitsContract;

class SlackDeclaredLimitsTest extends DeclaredLimitsContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new SlackFormatterProvider();
    }
}
