package dev.s3notify.googlechat;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Google Chat incoming webhooks ({@code WEBHOOK_KIND=googlechat}): creates the {@link GoogleChatFormatter} that posts
 * the rendered text and a {@code cardsV2} card with a Download button, optionally into one thread. File names never
 * mention anyone: {@code <users/all>} and {@code <users/...>} from a name reach Chat broken.
 */
public final class GoogleChatFormatterProvider implements WebhookFormatterProvider {
    private static final String DEFAULT_TEMPLATE = "{{#hasLink}}*{{fileName}}* {{#other}}in{{/other}}{{^other}}was"
            + " {{#restored}}restored in{{/restored}}{{^restored}}uploaded to{{/restored}}{{/other}} *{{bucket}}*."
            + "{{#expirationTime}} The link expires in {{expirationTime}}.{{/expirationTime}}{{/hasLink}}"
            + "{{^hasLink}}{{#deleted}}*{{fileName}}* was removed from *{{bucket}}*.{{/deleted}}"
            + "{{#restoreStarted}}*{{fileName}}* is being restored from the archive in *{{bucket}}*."
            + "{{/restoreStarted}}{{#restoreExpired}}The restored copy of *{{fileName}}* in *{{bucket}}* expired."
            + "{{/restoreExpired}}{{#created}}*{{fileName}}* was uploaded to *{{bucket}}*.{{/created}}"
            + "{{#restored}}*{{fileName}}* was restored in *{{bucket}}*.{{/restored}}"
            + "{{#other}}*{{fileName}}* in *{{bucket}}*.{{/other}}{{/hasLink}}";
    private static final String DEFAULT_DIGEST_TEMPLATE = "{{#files}}{{#hasLink}}• <{{{fileUrl}}}|{{fileName}}>"
            + "{{#sizeText}} ({{sizeText}}){{/sizeText}}{{/hasLink}}{{^hasLink}}• {{fileName}}{{#deleted}} (removed)"
            + "{{/deleted}}{{/hasLink}}\n{{/files}}{{#hasMore}}… and {{more}} more{{/hasMore}}"
            + "{{#hasIndex}}\n<{{{indexUrl}}}|All {{count}} files, with their links>{{#indexExpiresAt}}, until"
            + " {{indexExpiresAt}}{{/indexExpiresAt}}{{/hasIndex}}";

    /** For ServiceLoader. */
    public GoogleChatFormatterProvider() {
    }

    /** @return {@code googlechat} */
    @Override
    public String kind() {
        return "googlechat";
    }

    /** @return {@code GOOGLECHAT_THREAD_KEY}, {@code GOOGLECHAT_REPLY_OPTION} */
    @Override
    public List<Variable<?>> variables() {
        return GoogleChatVariables.ALL;
    }

    /**
     * @param webhookUrl the configured webhook URL
     * @return whether it is a space's incoming webhook: {@code https://chat.googleapis.com/v1/spaces/SPACE/messages}
     */
    @Override
    public boolean recognizes(URI webhookUrl) {
        return GoogleChatWebhookUrls.recognizes(webhookUrl);
    }

    /**
     * @param webhookUrl the webhook URL messages are to be posted to
     * @return for a {@code chat.googleapis.com} URL without its {@code key} or {@code token}, what to copy instead
     */
    @Override
    public Optional<String> refuses(URI webhookUrl) {
        return GoogleChatWebhookUrls.refuses(webhookUrl);
    }

    /** @return a sentence in Chat's text syntax; the link is on the card's Download button, not in the text */
    @Override
    public String defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /** @return one {@code <url|name>} line per file, then the index link when there is one */
    @Override
    public String defaultDigestTemplate() {
        return DEFAULT_DIGEST_TEMPLATE;
    }

    /**
     * @param context the validated values of {@link #variables()}
     * @return the formatter
     * @throws ConfigurationException when {@code GOOGLECHAT_REPLY_OPTION} is set without {@code GOOGLECHAT_THREAD_KEY}
     */
    @Override
    public WebhookFormatter create(FormatterContext context) {
        KindSettings settings = context.settings();
        if (settings.get(GoogleChatVariables.GOOGLECHAT_REPLY_OPTION) != null
                && settings.get(GoogleChatVariables.GOOGLECHAT_THREAD_KEY) == null) {
            throw new ConfigurationException(List.of("GOOGLECHAT_REPLY_OPTION is set but GOOGLECHAT_THREAD_KEY is"
                    + " not: a reply option says what to do when the thread cannot be replied to, so set"
                    + " GOOGLECHAT_THREAD_KEY too, or unset GOOGLECHAT_REPLY_OPTION"));
        }
        return new GoogleChatFormatter(settings);
    }
}
