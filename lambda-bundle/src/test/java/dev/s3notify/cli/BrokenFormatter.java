package dev.s3notify.cli;

import dev.s3notify.core.KindSettings;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;

/** A plugin whose constructor fails, as one built against another version might. */
public final class BrokenFormatter implements WebhookFormatter {

    /** Always fails. */
    public BrokenFormatter() {
        throw new IllegalStateException("broken on purpose");
    }

    @Override
    public String kind() {
        return "broken";
    }

    @Override
    public WebhookRequest format(Notification notification, KindSettings settings) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String defaultTemplate() {
        return "";
    }
}
