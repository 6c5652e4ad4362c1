package dev.s3notify.spi;

import java.util.Objects;

/**
 * What a {@link dev.s3notify.spi.WebhookFormatterProvider} gets to create its formatter: the validated values of
 * the variables it declares. A class with a factory rather than a record, so that what it carries can grow without
 * breaking providers.
 */
public final class FormatterContext {
    private final KindSettings settings;

    private FormatterContext(KindSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param settings the validated values of the provider's {@code variables()}
     * @return the context
     */
    public static FormatterContext of(KindSettings settings) {
        return new FormatterContext(settings);
    }

    /** @return the validated values of the provider's {@code variables()} */
    public KindSettings settings() {
        return settings;
    }
}
