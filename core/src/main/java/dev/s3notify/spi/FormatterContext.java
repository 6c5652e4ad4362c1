package dev.s3notify.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link dev.s3notify.spi.WebhookFormatterProvider} gets to create its formatter: the validated values of
 * the variables it declares, and, where the formatter runs in a function, core's way of building AWS clients. A
 * class with factories rather than a record, so that what it carries can grow without breaking providers.
 */
public final class FormatterContext {
    private final KindSettings settings;
    private final AwsClients aws;

    private FormatterContext(KindSettings settings, AwsClients aws) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.aws = aws;
    }

    /**
     * @param settings the validated values of the provider's {@code variables()}
     * @return the context, without AWS clients (a test's, the contract kit's)
     */
    public static FormatterContext of(KindSettings settings) {
        return new FormatterContext(settings, null);
    }

    /**
     * @param settings the validated values of the provider's {@code variables()}
     * @param aws how the function builds AWS clients
     * @return the context
     * @since 3
     */
    public static FormatterContext of(KindSettings settings, AwsClients aws) {
        return new FormatterContext(settings, Objects.requireNonNull(aws, "aws"));
    }

    /** @return the validated values of the provider's {@code variables()} */
    public KindSettings settings() {
        return settings;
    }

    /**
     * @return how the function builds AWS clients, for a formatter whose {@link WebhookFormatter#delivery()} calls
     *     an AWS service; empty where there is no function (a unit test, the contract kit)
     * @since 3
     */
    public Optional<AwsClients> aws() {
        return Optional.ofNullable(aws);
    }
}
