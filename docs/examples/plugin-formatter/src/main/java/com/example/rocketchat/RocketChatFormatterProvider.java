package com.example.rocketchat;

import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rocket.Chat incoming webhooks ({@code WEBHOOK_KIND=rocketchat}): what ServiceLoader finds. It names the kind, the
 * variable it reads, the URLs it recognizes and the default templates, and creates the configured
 * {@link RocketChatFormatter}.
 */
public final class RocketChatFormatterProvider implements WebhookFormatterProvider {
    /** The name shown before the integration's user; unset, only the integration's user is shown. */
    static final Variable<String> ALIAS = new Variable<>("ROCKETCHAT_ALIAS", "webhook-dispatcher", null, false,
            false, "the name Rocket.Chat shows before the integration's user on each message (at most 80"
                    + " characters, no control characters and no @); unset, none", RocketChatFormatterProvider::alias);

    /**
     * Rocket.Chat runs on its users' own hosts, so a URL is recognized by its path alone: {@code /hooks/ID/TOKEN}
     * (the two parts Rocket.Chat generates: letters and digits), nothing after.
     */
    private static final Pattern HOOK_PATH = Pattern.compile("/hooks/[A-Za-z0-9]{8,}/[A-Za-z0-9]{16,}/?");
    private static final String DEFAULT_TEMPLATE = "{{#created}}*{{fileName}}* was uploaded to *{{bucket}}*."
            + "{{/created}}{{#restored}}*{{fileName}}* was restored in *{{bucket}}*.{{/restored}}"
            + "{{#deleted}}*{{fileName}}* was removed from *{{bucket}}*.{{/deleted}}"
            + "{{#restoreStarted}}A restore of *{{fileName}}* started in *{{bucket}}*.{{/restoreStarted}}"
            + "{{#restoreExpired}}The restored copy of *{{fileName}}* in *{{bucket}}* expired.{{/restoreExpired}}"
            + "{{#other}}*{{fileName}}* in *{{bucket}}*.{{/other}}"
            + "{{#hasLink}} [Download]({{{fileUrl}}}){{#expirationTime}} (the link expires in {{expirationTime}})"
            + "{{/expirationTime}}{{/hasLink}}";
    private static final String DEFAULT_DIGEST_TEMPLATE = "*{{summary}}*\n{{#files}}{{#hasLink}}"
            + "- [{{fileName}}]({{{fileUrl}}}){{/hasLink}}{{^hasLink}}- {{fileName}}{{#deleted}} (removed){{/deleted}}"
            + "{{/hasLink}}\n{{/files}}{{#hasMore}}… and {{more}} more{{/hasMore}}"
            + "{{#hasIndex}}\n[All {{count}} files, with their links]({{{indexUrl}}}){{/hasIndex}}";

    /** For ServiceLoader. */
    public RocketChatFormatterProvider() {
    }

    @Override
    public String kind() {
        return "rocketchat";
    }

    @Override
    public List<Variable<?>> variables() {
        return List.of(ALIAS);
    }

    /** @return whether the URL is an https Rocket.Chat incoming webhook, on any host: {@code /hooks/ID/TOKEN} */
    @Override
    public boolean recognizes(URI webhookUrl) {
        return "https".equalsIgnoreCase(webhookUrl.getScheme()) && webhookUrl.getHost() != null
                && webhookUrl.getRawQuery() == null && webhookUrl.getRawPath() != null
                && HOOK_PATH.matcher(webhookUrl.getRawPath()).matches();
    }

    @Override
    public String defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    @Override
    public String defaultDigestTemplate() {
        return DEFAULT_DIGEST_TEMPLATE;
    }

    @Override
    public WebhookFormatter create(FormatterContext context) {
        return new RocketChatFormatter(context.settings().get(ALIAS));
    }

    private static String alias(String text) {
        if (text.codePointCount(0, text.length()) > 80 || text.indexOf('@') >= 0
                || text.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a name of at most 80 characters, without '@' or control characters");
        }
        return text;
    }
}
