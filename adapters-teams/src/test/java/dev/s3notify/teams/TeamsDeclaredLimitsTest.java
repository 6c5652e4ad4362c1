package dev.s3notify.teams;

import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.DeclaredLimitsContract;

class TeamsDeclaredLimitsTest extends DeclaredLimitsContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new TeamsFormatterProvider();
    }
}
