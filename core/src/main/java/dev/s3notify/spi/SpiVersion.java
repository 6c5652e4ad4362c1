package dev.s3notify.spi;

/**
 * The version of the plugin interfaces in this package. It goes up by one whenever a release adds something a
 * plugin may use (a method on a context, a builder field, a default method on an SPI); nothing is removed or
 * changed within a major release of s3-notify, so a plugin built for version {@code n} runs on every core of version
 * {@code n} or later. A provider that uses what version {@code n} added says so by returning {@link #CURRENT} from
 * its {@code apiVersion()}: the constant is compiled into the plugin, and a core older than that refuses the plugin
 * at start-up, naming it and both versions, instead of failing at the first upload with a {@link LinkageError}.
 *
 * @since 1
 */
public final class SpiVersion {
    /**
     * The version this core provides: 1, the provider/instance SPIs with contexts and builders; 2,
     * {@code WebhookFormatterProvider.refuses(URI)}; 3, {@code WebhookFormatter.delivery()} ({@link Delivery}) and
     * {@code FormatterContext.aws()} ({@link AwsClients}), for destinations that are not HTTP webhooks.
     */
    public static final int CURRENT = 3;

    private SpiVersion() {
    }
}
