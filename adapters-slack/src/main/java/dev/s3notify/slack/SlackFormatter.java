package dev.s3notify.slack;

import dev.s3notify.core.KindSettings;
import dev.s3notify.core.Notification;
import dev.s3notify.core.Variable;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Posts to a Slack incoming webhook ({@code WEBHOOK_KIND=slack}): a Block Kit message with the file name as
 * header, the rendered template as mrkdwn, a Download button and a context line with bucket, size and link
 * expiry, plus a plain {@code text} for notifications. User text is escaped with Slack's rules, so a file named
 * {@code <!channel>} or {@code <https://evil|click>} shows as typed and pings no one. Slack answers 200 {@code ok}.
 */
public final class SlackFormatter implements WebhookFormatter {
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
    private static final Set<String> HOSTS = Set.of("hooks.slack.com", "hooks.slack-gov.com");
    private static final List<String> PATHS = List.of("/services/", "/workflows/", "/triggers/");

    /** For ServiceLoader. */
    public SlackFormatter() {
    }

    /** @return {@code slack} */
    @Override
    public String kind() {
        return "slack";
    }

    /**
     * @param notification the event and the rendered template
     * @param settings the values of {@link #variables()}
     * @return a JSON request within Slack's Block Kit limits
     */
    @Override
    public WebhookRequest format(Notification notification, KindSettings settings) {
        Boolean button = settings.get(DOWNLOAD_BUTTON);
        return WebhookRequest.json(SlackMessage.body(notification, button == null || button));
    }

    /**
     * @return one sentence per event type in mrkdwn, with the link as {@code <url|Download>} and its lifetime
     */
    @Override
    public String defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /**
     * @param text a value from the event
     * @return the value with Slack's control characters {@code & < >} as entities, {@code @everyone},
     *     {@code @here} and {@code @channel} broken by a zero-width space, bidirectional overrides replaced
     */
    @Override
    public String escape(String text) {
        return SlackText.escape(text);
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
     * @param status the HTTP status
     * @param body Slack's plain-text reason, such as {@code no_service}, or a workflow webhook's JSON error
     * @return {@code Slack: <reason>} with a hint for the common reasons
     */
    @Override
    public String describeError(int status, String body) {
        return SlackErrors.describe(status, body);
    }
}
