package dev.s3notify.mattermost;

import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Mattermost incoming webhooks ({@code WEBHOOK_KIND=mattermost}): creates the {@link MattermostFormatter} that
 * posts a Slack-compatible attachment (or, with {@code MATTERMOST_FORMAT=text}, Markdown text), with the name,
 * picture and channel overrides of {@code MATTERMOST_USERNAME}, {@code MATTERMOST_ICON_URL} and
 * {@code MATTERMOST_CHANNEL}. User text is escaped so that a file named {@code @channel} or {@code <!here>} shows as
 * typed and pings no one.
 */
public final class MattermostFormatterProvider implements WebhookFormatterProvider {
    /** A Mattermost id: 26 characters of its base-32 alphabet. */
    private static final Pattern HOOK_PATH = Pattern.compile("/hooks/[a-z0-9]{26}");
    private static final String CLOUD = ".cloud.mattermost.com";
    private static final String DEFAULT_TEMPLATE = "{{#created}}:file_folder: **{{fileName}}** was uploaded to"
            + " **{{bucket}}**.{{/created}}"
            + "{{#restored}}:file_folder: **{{fileName}}** was restored in **{{bucket}}**.{{/restored}}"
            + "{{#deleted}}:wastebasket: **{{fileName}}** was removed from **{{bucket}}**.{{/deleted}}"
            + "{{#restoreStarted}}:hourglass_flowing_sand: A restore of **{{fileName}}** started in"
            + " **{{bucket}}**.{{/restoreStarted}}"
            + "{{#restoreExpired}}:ice_cube: The restored copy of **{{fileName}}** in **{{bucket}}** expired."
            + "{{/restoreExpired}}"
            + "{{#other}}:page_facing_up: **{{fileName}}** in **{{bucket}}**.{{/other}}"
            + "{{#hasLink}} [Download]({{{fileUrl}}}){{#expirationTime}} (expires in {{expirationTime}})"
            + "{{/expirationTime}}{{/hasLink}}";
    private static final String DEFAULT_DIGEST_TEMPLATE = "{{summary}}\n{{#files}}{{#hasLink}}- [{{fileName}}]"
            + "({{{fileUrl}}}){{#sizeText}} ({{sizeText}}){{/sizeText}}{{/hasLink}}{{^hasLink}}- {{fileName}}"
            + "{{#deleted}} (removed){{/deleted}}{{/hasLink}}\n{{/files}}{{#hasMore}}… and {{more}} more{{/hasMore}}"
            + "{{#hasIndex}}\n[All {{count}} files, with their links]({{{indexUrl}}}){{#indexExpiresAt}}, until"
            + " {{indexExpiresAt}}{{/indexExpiresAt}}{{/hasIndex}}";

    /** For ServiceLoader. */
    public MattermostFormatterProvider() {
    }

    /** @return {@code mattermost} */
    @Override
    public String kind() {
        return "mattermost";
    }

    /** @return {@code MATTERMOST_FORMAT}, {@code MATTERMOST_USERNAME}, {@code MATTERMOST_ICON_URL}, {@code MATTERMOST_CHANNEL} */
    @Override
    public List<Variable<?>> variables() {
        return MattermostVariables.ALL;
    }

    /**
     * A self-hosted Mattermost's webhook, {@code https://<any host>/hooks/<26-character id>}, cannot be told from
     * other services' webhooks, so only Mattermost Cloud's are recognized; any other needs
     * {@code WEBHOOK_KIND=mattermost}.
     *
     * @param webhookUrl the configured webhook URL
     * @return whether it is {@code https://<workspace>.cloud.mattermost.com/hooks/<id>}
     */
    @Override
    public boolean recognizes(URI webhookUrl) {
        String host = webhookUrl.getHost();
        String path = webhookUrl.getPath();
        return host != null && path != null && host.toLowerCase(Locale.ROOT).endsWith(CLOUD)
                && HOOK_PATH.matcher(path).matches();
    }

    /** @return one sentence per event type in Markdown, with the link as {@code [Download](url)} and its lifetime */
    @Override
    public String defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /** @return the summary, one Markdown link per file, then the index link when there is one */
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
        return new MattermostFormatter(MattermostVariables.Settings.of(context.settings()));
    }
}
