package dev.s3notify.discord;

import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.DeclaredLimitsContract;

class DiscordDeclaredLimitsTest extends DeclaredLimitsContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new DiscordFormatterProvider();
    }
}
