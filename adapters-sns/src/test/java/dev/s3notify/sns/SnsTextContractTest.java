package dev.s3notify.sns;

import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.WebhookFormatterContract;

/** The text shape: plain text for email and SMS subscribers, no chat, so no mentions or chat rate apply. */
class SnsTextContractTest extends WebhookFormatterContract {

    @Override
    protected WebhookFormatterProvider provider() {
        return new SnsFormatterProvider();
    }

    @Override
    protected int maxBodyBytes() {
        return SnsFormatter.MAX_MESSAGE_BYTES;
    }

    @Override
    protected boolean isChatPlatform() {
        return false;
    }
}
