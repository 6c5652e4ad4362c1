package dev.s3notify.teams;

import dev.s3notify.core.KindSettings;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Microsoft Teams through a Workflows (Power Automate) webhook: a {@code message} carrying one Adaptive Card 1.4
 * with the file name as title, the rendered template, a fact set (bucket, size, expiry, key) and a Download
 * button, within Teams' 28 KB. Office 365 connectors and their MessageCard format are retired and not supported.
 * Workflows answer {@code 202 Accepted}; posting to a channel happens afterwards, inside the flow.
 */
public final class TeamsFormatter implements WebhookFormatter {
    private static final List<String> WORKFLOW_HOSTS = List.of(".logic.azure.com",
            ".environment.api.powerplatform.com", ".webhook.office.com");

    /** For ServiceLoader. */
    public TeamsFormatter() {
    }

    /** @return {@code teams} */
    @Override
    public String kind() {
        return "teams";
    }

    /**
     * @param notification the event and the rendered message
     * @param settings unused: this kind has no variables of its own
     * @return the Workflows webhook body, at most 28,000 bytes
     */
    @Override
    public WebhookRequest format(Notification notification, KindSettings settings) {
        return WebhookRequest.json(TeamsCard.body(notification));
    }

    /** @return a sentence in Teams Markdown; the link is on the card's Download button, not in the text */
    @Override
    public String defaultTemplate() {
        return "{{#hasLink}}**{{fileName}}** {{#other}}in{{/other}}{{^other}}was {{#restored}}restored in"
                + "{{/restored}}{{^restored}}uploaded to{{/restored}}{{/other}} **{{bucket}}**.{{#expirationTime}} The link expires in {{expirationTime}}."
                + "{{/expirationTime}}{{/hasLink}}{{^hasLink}}{{#deleted}}**{{fileName}}** was removed from"
                + " **{{bucket}}**.{{/deleted}}{{#restoreStarted}}**{{fileName}}** is being restored from the archive"
                + " in **{{bucket}}**.{{/restoreStarted}}{{#restoreExpired}}The restored copy of **{{fileName}}** in"
                + " **{{bucket}}** expired.{{/restoreExpired}}{{#created}}**{{fileName}}** was uploaded to"
                + " **{{bucket}}**.{{/created}}{{#restored}}**{{fileName}}** was restored in **{{bucket}}**."
                + "{{/restored}}{{#other}}**{{fileName}}** in **{{bucket}}**.{{/other}}{{/hasLink}}";
    }

    /**
     * @param text a value from the event
     * @return the value with Teams Markdown escaped, on one line, unable to mention anyone
     */
    @Override
    public String escape(String text) {
        return TeamsMarkdown.escape(text);
    }

    /**
     * @param webhookUrl the configured webhook URL
     * @return whether it is an https URL of Power Automate or Logic Apps workflows ({@code *.logic.azure.com},
     *     {@code *.environment.api.powerplatform.com}), or of a retired Office 365 connector
     *     ({@code *.webhook.office.com})
     */
    @Override
    public boolean recognizes(URI webhookUrl) {
        if (webhookUrl == null || webhookUrl.getHost() == null || !"https".equalsIgnoreCase(webhookUrl.getScheme())) {
            return false;
        }
        String host = webhookUrl.getHost().toLowerCase(Locale.ROOT);
        String fqdn = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return WORKFLOW_HOSTS.stream().anyMatch(fqdn::endsWith);
    }

    /**
     * @param status the HTTP status
     * @param body the response body
     * @return "Teams: code: message", shortened, with a hint for 401, 403, 404 and 413; never the URL's signature
     */
    @Override
    public String describeError(int status, String body) {
        return WorkflowErrors.describe(status, body);
    }
}
