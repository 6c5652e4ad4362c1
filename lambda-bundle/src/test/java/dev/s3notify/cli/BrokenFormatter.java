package dev.s3notify.cli;

import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;

/** A plugin whose constructor fails, as one built against another version might. */
public final class BrokenFormatter implements WebhookFormatterProvider {

    /** Always fails. */
    public BrokenFormatter() {
        throw new IllegalStateException("broken on purpose");
    }

    @Override
    public String kind() {
        return "broken";
    }

    @Override
    public String defaultTemplate() {
        return "";
    }

    @Override
    public WebhookFormatter create(FormatterContext context) {
        throw new UnsupportedOperationException();
    }
}
