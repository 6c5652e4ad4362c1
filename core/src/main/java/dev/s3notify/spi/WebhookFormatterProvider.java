package dev.s3notify.spi;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One platform's formatters: Discord, Slack, Microsoft Teams, a generic JSON webhook, or anything a plugin
 * provides. The provider is what {@link java.util.ServiceLoader} finds; it says which {@code WEBHOOK_KIND} it
 * answers to, which variables it reads and which webhook URLs it recognizes, and {@linkplain #create creates} the
 * configured {@link WebhookFormatter} that does the work, as Retrofit's {@code Converter.Factory} creates
 * converters.
 *
 * <p>List the implementation in {@code META-INF/services/dev.s3notify.spi.WebhookFormatterProvider}. It has a
 * public no-argument constructor, holds no state and never reads the environment: settings reach
 * {@link #create} validated. Every implementation should pass the contract test of the test-kit
 * ({@code dev.s3notify:s3-notify-test-kit}, {@code WebhookFormatterContract}).
 */
public interface WebhookFormatterProvider {

    /** @return the stable lowercase key users put in {@code WEBHOOK_KIND}, such as {@code discord} */
    String kind();

    /**
     * @return the variables this kind reads, with defaults and checks; their validated values reach
     *     {@link #create} as {@link FormatterContext#settings()}. The default reads none.
     */
    default List<Variable<?>> variables() {
        return List.of();
    }

    /**
     * Used when {@code WEBHOOK_KIND} is unset: whether a webhook URL belongs to this platform.
     *
     * @param webhookUrl the configured webhook URL
     * @return true when this kind is the one for it; the default recognizes nothing
     */
    default boolean recognizes(URI webhookUrl) {
        return false;
    }

    /**
     * Checked at start-up with the webhook URL this kind is to post to, whether {@code WEBHOOK_KIND} named it or the
     * URL did: a URL the platform no longer serves (a retired kind of webhook) fails the cold start with what to do,
     * rather than every delivery.
     *
     * @param webhookUrl the configured webhook URL
     * @return why this kind cannot post to it and what to use instead, in a sentence; empty when it can. The default
     *     accepts every URL
     * @since 2
     */
    default Optional<String> refuses(URI webhookUrl) {
        return Optional.empty();
    }

    /** @return the Mustache template used when {@code MESSAGE_TEMPLATE} is unset */
    String defaultTemplate();

    /**
     * @return the Mustache template used for digests when {@code DIGEST_TEMPLATE} is unset; it must link every
     *     listed file ({@code {{{fileUrl}}}} inside {@code {{#files}}}) and the index ({@code {{{indexUrl}}}}). The
     *     default is plain text with bare links, which most platforms turn into links.
     */
    default String defaultDigestTemplate() {
        return "{{summary}}\n{{#files}}{{fileName}}{{#hasLink}} {{{fileUrl}}}{{/hasLink}}\n{{/files}}"
                + "{{#hasMore}}… and {{more}} more{{/hasMore}}{{#hasIndex}} All files: {{{indexUrl}}}{{/hasIndex}}";
    }

    /**
     * @return the {@link SpiVersion} this provider needs at least: the default, 1, needs nothing newer than the first
     *     version; return {@link SpiVersion#CURRENT} to need the version it was built against
     * @since 1
     */
    default int apiVersion() {
        return 1;
    }

    /**
     * Creates the configured formatter. Called once at start-up; a problem with the settings that
     * {@link #variables()} could not catch is a {@link dev.s3notify.core.error.ConfigurationException}.
     *
     * @param context the validated settings
     * @return the formatter, immutable and thread-safe
     */
    WebhookFormatter create(FormatterContext context);
}
