package dev.s3notify.teams;

import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Microsoft Teams through a Workflows (Power Automate) webhook ({@code WEBHOOK_KIND=teams}): creates the
 * {@link TeamsFormatter} that posts one Adaptive Card 1.4 per message. Office 365 connectors and their MessageCard
 * format are retired: their URLs are recognized only to be refused at start-up, with what to use instead.
 */
public final class TeamsFormatterProvider implements WebhookFormatterProvider {
    private static final List<String> WORKFLOW_HOSTS = List.of(".logic.azure.com",
            ".environment.api.powerplatform.com");
    private static final String CONNECTOR_HOST = ".webhook.office.com";
    /** The connectors' first hosts, before each tenant had its own: only their {@code /webhook/} paths. */
    private static final List<String> OLD_CONNECTOR_HOSTS = List.of("outlook.office.com", "outlook.office365.com");
    private static final String DEFAULT_DIGEST_TEMPLATE = "{{#files}}{{#hasLink}}- [{{fileName}}]({{{fileUrl}}})"
            + "{{#sizeText}} ({{sizeText}}){{/sizeText}}{{/hasLink}}{{^hasLink}}- {{fileName}}{{#deleted}} (removed)"
            + "{{/deleted}}{{/hasLink}}\n{{/files}}{{#hasMore}}\n… and {{more}} more{{/hasMore}}"
            + "{{#hasIndex}}\n\n[All {{count}} files, with their links]({{{indexUrl}}}){{#indexExpiresAt}}, until"
            + " {{indexExpiresAt}}{{/indexExpiresAt}}{{/hasIndex}}";

    /** For ServiceLoader. */
    public TeamsFormatterProvider() {
    }

    /** @return {@code teams} */
    @Override
    public String kind() {
        return "teams";
    }

    /**
     * @param webhookUrl the configured webhook URL
     * @return whether it is an https URL of Power Automate or Logic Apps workflows ({@code *.logic.azure.com},
     *     {@code *.environment.api.powerplatform.com}), or of a retired Office 365 connector
     *     ({@code *.webhook.office.com}, {@code outlook.office.com/webhook/...}), which {@link #refuses} then
     */
    @Override
    public boolean recognizes(URI webhookUrl) {
        String fqdn = httpsHost(webhookUrl);
        return fqdn != null && (WORKFLOW_HOSTS.stream().anyMatch(fqdn::endsWith) || connector(webhookUrl, fqdn));
    }

    /**
     * @param webhookUrl the webhook URL Teams messages are to be posted to
     * @return for an Office 365 connector's URL, that Microsoft retired them and how to make a Workflows webhook
     */
    @Override
    public Optional<String> refuses(URI webhookUrl) {
        String fqdn = httpsHost(webhookUrl);
        if (fqdn == null || !connector(webhookUrl, fqdn)) {
            return Optional.empty();
        }
        return Optional.of("it is an Office 365 connector's (Incoming Webhook), and Microsoft has retired them. In"
                + " Teams, create a workflow instead (Workflows, \"Post to a channel when a webhook request is"
                + " received\") and set WEBHOOK_URL (or the secret or parameter holding it) to"
                + " its URL, on *.environment.api.powerplatform.com (or"
                + " *.logic.azure.com for older workflows)");
    }

    /** The lowercase host of an https URL, without a final dot; null for any other URL. */
    private static String httpsHost(URI webhookUrl) {
        if (webhookUrl == null || webhookUrl.getHost() == null || !"https".equalsIgnoreCase(webhookUrl.getScheme())) {
            return null;
        }
        String host = webhookUrl.getHost().toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static boolean connector(URI webhookUrl, String fqdn) {
        String path = webhookUrl.getPath() == null ? "" : webhookUrl.getPath();
        return fqdn.endsWith(CONNECTOR_HOST) || OLD_CONNECTOR_HOSTS.contains(fqdn) && path.startsWith("/webhook/");
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

    /** @return a Markdown list, one link per file, then the index link when there is one */
    @Override
    public String defaultDigestTemplate() {
        return DEFAULT_DIGEST_TEMPLATE;
    }

    /**
     * @param context unused: this kind has no variables of its own
     * @return the formatter
     */
    @Override
    public WebhookFormatter create(FormatterContext context) {
        return new TeamsFormatter();
    }
}
