package dev.s3notify.ntfy;

import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ntfy ({@code WEBHOOK_KIND=ntfy}), on ntfy.sh or a self-hosted server: creates the {@link NtfyFormatter} that
 * publishes JSON ({@code topic}, {@code title}, {@code message}, {@code tags}, {@code priority}, {@code click} and a
 * {@code view} action for the link) to the server's root URL, the topic in {@code NTFY_TOPIC} and, for a protected
 * topic, an access token in {@code NTFY_ACCESS_TOKEN}.
 */
public final class NtfyFormatterProvider implements WebhookFormatterProvider {
    private static final String NTFY_SH = "ntfy.sh";
    private static final String DEFAULT_TEMPLATE = "{{#created}}{{fileName}} was uploaded to {{bucket}}{{/created}}"
            + "{{#restored}}{{fileName}} was restored in {{bucket}}{{/restored}}"
            + "{{#deleted}}{{fileName}} was removed from {{bucket}}{{/deleted}}"
            + "{{#restoreStarted}}A restore of {{fileName}} started in {{bucket}}{{/restoreStarted}}"
            + "{{#restoreExpired}}The restored copy of {{fileName}} in {{bucket}} expired{{/restoreExpired}}"
            + "{{#other}}{{fileName}} in {{bucket}}{{/other}}{{#hasLink}}{{#sizeText}} ({{sizeText}}){{/sizeText}}."
            + " Tap to download{{#expirationTime}}; the link expires in {{expirationTime}}{{/expirationTime}}."
            + "{{/hasLink}}{{^hasLink}}.{{/hasLink}}";
    private static final String DEFAULT_DIGEST_TEMPLATE = "{{#files}}{{fileName}}{{#hasLink}} {{{fileUrl}}}"
            + "{{/hasLink}}{{#deleted}} (removed){{/deleted}}\n{{/files}}{{#hasMore}}… and {{more}} more\n{{/hasMore}}"
            + "{{#hasIndex}}All {{count}} files: {{{indexUrl}}}{{/hasIndex}}";

    /** For ServiceLoader. */
    public NtfyFormatterProvider() {
    }

    /** @return {@code ntfy} */
    @Override
    public String kind() {
        return "ntfy";
    }

    /** @return {@code NTFY_TOPIC}, {@code NTFY_ACCESS_TOKEN}, {@code NTFY_TAGS}, {@code NTFY_PRIORITY} */
    @Override
    public List<Variable<?>> variables() {
        return NtfyVariables.ALL;
    }

    /**
     * A self-hosted server can have any host name, so only ntfy.sh is recognized; any other server needs
     * {@code WEBHOOK_KIND=ntfy}.
     *
     * @param webhookUrl the configured webhook URL
     * @return whether its host is {@code ntfy.sh}
     */
    @Override
    public boolean recognizes(URI webhookUrl) {
        return webhookUrl.getHost() != null && webhookUrl.getHost().toLowerCase(Locale.ROOT).equals(NTFY_SH);
    }

    /**
     * ntfy reads a JSON message only when it is posted to the server's root; posted to {@code /<topic>}, the JSON
     * would be published as the message's text.
     *
     * @param webhookUrl the configured webhook URL
     * @return why a URL with a path cannot be posted to, and what to set instead; the path (the topic, a secret on
     *     ntfy.sh) is not shown
     */
    @Override
    public Optional<String> refuses(URI webhookUrl) {
        String path = webhookUrl.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return Optional.empty();
        }
        return Optional.of("ntfy publishes JSON at the server's root, not at a topic's URL: set WEBHOOK_URL to"
                + " https://" + webhookUrl.getHost() + (webhookUrl.getPort() < 0 ? "" : ":" + webhookUrl.getPort())
                + "/ and the topic (the last part of the URL) in NTFY_TOPIC");
    }

    /** @return plain text: what happened to which file, its size and the link's lifetime; the link is the button */
    @Override
    public String defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /** @return one line per file with its link, then the index link when there is one; the summary is the title */
    @Override
    public String defaultDigestTemplate() {
        return DEFAULT_DIGEST_TEMPLATE;
    }

    /** Needs version 2, for {@link #refuses}. */
    @Override
    public int apiVersion() {
        return 2;
    }

    /**
     * @param context the validated values of {@link #variables()}
     * @return the formatter
     */
    @Override
    public WebhookFormatter create(FormatterContext context) {
        return new NtfyFormatter(NtfyVariables.Settings.of(context.settings()));
    }
}
