package dev.s3notify.discord;

import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;

/**
 * Discord channel webhooks ({@code WEBHOOK_KIND=discord}): creates the {@link DiscordFormatter} that posts one
 * embed per message, titled with the file name and linking to it, or, for a digest, listing the files. Mentions are
 * never parsed ({@code allowed_mentions.parse = []}) and mention syntax in any text is neutralised as well.
 */
public final class DiscordFormatterProvider implements WebhookFormatterProvider {
    /**
     * The link goes in raw ({@code {{{fileUrl}}}}): escaping would break it. A {@code )} in it cannot end the
     * markdown link early, because links are RFC 3986-encoded ({@code )} is {@code %29}) by both shipped link
     * generators.
     */
    private static final String DEFAULT_TEMPLATE = "{{#hasLink}}"
            + "{{#restored}}📦 **{{fileName}}** was restored in **{{bucket}}**.{{/restored}}"
            + "{{^restored}}{{^other}}📁 **{{fileName}}** was uploaded to **{{bucket}}**.{{/other}}"
            + "{{#other}}📄 **{{fileName}}** in **{{bucket}}**.{{/other}}{{/restored}}\n"
            + "[Download]({{{fileUrl}}}){{#expirationTime}} — the link expires in {{expirationTime}}{{/expirationTime}}."
            + "{{/hasLink}}"
            + "{{^hasLink}}"
            + "{{#created}}📁 **{{fileName}}** was uploaded to **{{bucket}}**.{{/created}}"
            + "{{#deleted}}🗑️ **{{fileName}}** was removed from **{{bucket}}**.{{/deleted}}"
            + "{{#restored}}📦 **{{fileName}}** was restored in **{{bucket}}**.{{/restored}}"
            + "{{#restoreStarted}}⏳ Restoring **{{fileName}}** in **{{bucket}}** from the archive.{{/restoreStarted}}"
            + "{{#restoreExpired}}🗄️ The restored copy of **{{fileName}}** in **{{bucket}}** expired."
            + "{{/restoreExpired}}"
            + "{{#other}}📄 **{{fileName}}** in **{{bucket}}**.{{/other}}"
            + "{{/hasLink}}";
    /** One line per file, as a markdown link; the index link after the files that fit. The title is the summary. */
    private static final String DEFAULT_DIGEST_TEMPLATE = "{{#files}}{{#hasLink}}• [{{fileName}}]({{{fileUrl}}})"
            + "{{#sizeText}} ({{sizeText}}){{/sizeText}}"
            + "{{/hasLink}}{{^hasLink}}• {{fileName}}{{#deleted}} (removed){{/deleted}}{{/hasLink}}\n{{/files}}"
            + "{{#hasMore}}… and {{more}} more{{/hasMore}}"
            + "{{#hasIndex}}\n[All {{count}} files, with their links]({{{indexUrl}}}){{#indexExpiresAtEpoch}}, until"
            + " <t:{{indexExpiresAtEpoch}}:f>{{/indexExpiresAtEpoch}}{{/hasIndex}}";

    /** The constructor ServiceLoader uses. */
    public DiscordFormatterProvider() {
    }

    /** @return {@code discord} */
    @Override
    public String kind() {
        return "discord";
    }

    /** @return {@code EMBED_COLOR}, {@code FOOTER_TEXT}, {@code DISCORD_USERNAME}, {@code DISCORD_AVATAR_URL},
     *     {@code DISCORD_THREAD_ID} */
    @Override
    public List<Variable<?>> variables() {
        return DiscordVariables.ALL;
    }

    /**
     * @param webhookUrl the configured webhook URL
     * @return whether it is a Discord channel webhook on discord.com, discordapp.com, canary or ptb
     */
    @Override
    public boolean recognizes(URI webhookUrl) {
        return DiscordWebhookUrls.recognizes(webhookUrl);
    }

    /** @return a Discord-markdown message: what happened, to which file, the download link and its lifetime */
    @Override
    public String defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /** @return one markdown link per file, then the index link when there is one (the embed's title says what) */
    @Override
    public String defaultDigestTemplate() {
        return DEFAULT_DIGEST_TEMPLATE;
    }

    /**
     * @param context the validated values of {@link #variables()}
     * @return the formatter
     */
    @Override
    public WebhookFormatter create(FormatterContext context) {
        return new DiscordFormatter(context.settings());
    }
}
