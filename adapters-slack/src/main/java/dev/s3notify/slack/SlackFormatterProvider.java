package dev.s3notify.slack;

import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Slack incoming webhooks ({@code WEBHOOK_KIND=slack}): creates the {@link SlackFormatter} that posts Block Kit
 * messages, the file name as header, the rendered template as mrkdwn, a Download button and a context line; or, for
 * a digest, the summary as header and one link per file. User text is escaped with Slack's rules, so a file named
 * {@code <!channel>} or {@code <https://evil|click>} shows as typed and pings no one.
 */
public final class SlackFormatterProvider implements WebhookFormatterProvider {
    static final Variable<Boolean> DOWNLOAD_BUTTON = Variable.bool("SLACK_DOWNLOAD_BUTTON", "webhook-dispatcher",
            "true", "Whether Slack messages with a link carry a Download button below the text.");

    private static final String DEFAULT_TEMPLATE = "{{#created}}:file_folder: *{{fileName}}* was uploaded to"
            + " *{{bucket}}*.{{/created}}"
            + "{{#restored}}:file_folder: *{{fileName}}* was restored in *{{bucket}}*.{{/restored}}"
            + "{{#deleted}}:wastebasket: *{{fileName}}* was removed from *{{bucket}}*.{{/deleted}}"
            + "{{#restoreStarted}}:hourglass_flowing_sand: A restore of *{{fileName}}* started in"
            + " *{{bucket}}*.{{/restoreStarted}}"
            + "{{#restoreExpired}}:ice_cube: The restored copy of *{{fileName}}* in *{{bucket}}* expired."
            + "{{/restoreExpired}}"
            + "{{#other}}:page_facing_up: *{{fileName}}* in *{{bucket}}*.{{/other}}"
            + "{{#hasLink}} <{{{fileUrl}}}|Download>{{#expirationTime}} (expires in {{expirationTime}})"
            + "{{/expirationTime}}{{/hasLink}}";
    private static final String DEFAULT_DIGEST_TEMPLATE = "{{#files}}{{#hasLink}}• <{{{fileUrl}}}|{{fileName}}>"
            + "{{#sizeText}} ({{sizeText}}){{/sizeText}}{{/hasLink}}{{^hasLink}}• {{fileName}}{{#deleted}}"
            + " (removed){{/deleted}}{{/hasLink}}\n{{/files}}{{#hasMore}}… and {{more}} more{{/hasMore}}"
            + "{{#hasIndex}}\n<{{{indexUrl}}}|All {{count}} files, with their links>{{#indexExpiresAtEpoch}}, until"
            + " <!date^{{indexExpiresAtEpoch}}^{date_short_pretty} {time}|{{indexExpiresAt}}>{{/indexExpiresAtEpoch}}"
            + "{{/hasIndex}}";
    private static final Set<String> HOSTS = Set.of("hooks.slack.com", "hooks.slack-gov.com");
    private static final List<String> PATHS = List.of("/services/", "/workflows/", "/triggers/");

    /** For ServiceLoader. */
    public SlackFormatterProvider() {
    }

    /** @return {@code slack} */
    @Override
    public String kind() {
        return "slack";
    }

    /** @return {@code SLACK_DOWNLOAD_BUTTON} */
    @Override
    public List<Variable<?>> variables() {
        return List.of(DOWNLOAD_BUTTON);
    }

    /**
     * @param webhookUrl the configured webhook URL
     * @return whether it is a Slack incoming webhook ({@code hooks.slack.com/services/...}) or workflow webhook
     *     ({@code /workflows/...}, {@code /triggers/...}), also on GovSlack ({@code hooks.slack-gov.com})
     */
    @Override
    public boolean recognizes(URI webhookUrl) {
        String host = webhookUrl.getHost();
        String path = webhookUrl.getPath();
        return host != null && path != null && HOSTS.contains(host.toLowerCase(Locale.ROOT))
                && PATHS.stream().anyMatch(path::startsWith);
    }

    /**
     * @return one sentence per event type in mrkdwn, with the link as {@code <url|Download>} and its lifetime
     */
    @Override
    public String defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /** @return one mrkdwn link per file, named by the file, then the index link when there is one */
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
        Boolean button = context.settings().get(DOWNLOAD_BUTTON);
        return new SlackFormatter(button == null || button);
    }
}
