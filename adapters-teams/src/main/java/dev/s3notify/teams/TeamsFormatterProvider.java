package dev.s3notify.teams;

import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Microsoft Teams through a Workflows (Power Automate) webhook ({@code WEBHOOK_KIND=teams}): creates the
 * {@link TeamsFormatter} that posts one Adaptive Card 1.4 per message. Office 365 connectors and their MessageCard
 * format are retired and not supported.
 */
public final class TeamsFormatterProvider implements WebhookFormatterProvider {
    private static final List<String> WORKFLOW_HOSTS = List.of(".logic.azure.com",
            ".environment.api.powerplatform.com", ".webhook.office.com");
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
