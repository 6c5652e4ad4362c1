package com.example.googlechat;

import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Google Chat incoming webhooks ({@code WEBHOOK_KIND=googlechat}): what ServiceLoader finds. It names the kind, the
 * variable it reads, the URLs it recognizes and the default templates, and creates the configured
 * {@link GoogleChatFormatter}.
 */
public final class GoogleChatFormatterProvider implements WebhookFormatterProvider {
    /** The thread every message goes to; unset, each message starts its own thread. */
    static final Variable<String> THREAD_KEY = new Variable<>("GOOGLECHAT_THREAD_KEY", "webhook-dispatcher", null,
            false, false, "the key of the Google Chat thread every message is posted in (letters, digits, . _ -;"
                    + " at most 128); unset, each message starts a thread", GoogleChatFormatterProvider::threadKey);

    private static final String DEFAULT_TEMPLATE = "{{#created}}*{{fileName}}* was uploaded to *{{bucket}}*."
            + "{{/created}}{{#restored}}*{{fileName}}* was restored in *{{bucket}}*.{{/restored}}"
            + "{{#deleted}}*{{fileName}}* was removed from *{{bucket}}*.{{/deleted}}"
            + "{{#restoreStarted}}A restore of *{{fileName}}* started in *{{bucket}}*.{{/restoreStarted}}"
            + "{{#restoreExpired}}The restored copy of *{{fileName}}* in *{{bucket}}* expired.{{/restoreExpired}}"
            + "{{#other}}*{{fileName}}* in *{{bucket}}*.{{/other}}"
            + "{{#hasLink}} <{{{fileUrl}}}|Download>{{#expirationTime}} (the link expires in {{expirationTime}})"
            + "{{/expirationTime}}{{/hasLink}}";
    private static final String DEFAULT_DIGEST_TEMPLATE = "*{{summary}}*\n{{#files}}{{#hasLink}}"
            + "• <{{{fileUrl}}}|{{fileName}}>{{/hasLink}}{{^hasLink}}• {{fileName}}{{#deleted}} (removed){{/deleted}}"
            + "{{/hasLink}}\n{{/files}}{{#hasMore}}… and {{more}} more{{/hasMore}}"
            + "{{#hasIndex}}\n<{{{indexUrl}}}|All {{count}} files, with their links>{{/hasIndex}}";

    /** For ServiceLoader. */
    public GoogleChatFormatterProvider() {
    }

    @Override
    public String kind() {
        return "googlechat";
    }

    @Override
    public List<Variable<?>> variables() {
        return List.of(THREAD_KEY);
    }

    /** @return whether the URL is a Google Chat space webhook: https://chat.googleapis.com/v1/spaces/... */
    @Override
    public boolean recognizes(URI webhookUrl) {
        return "https".equalsIgnoreCase(webhookUrl.getScheme()) && webhookUrl.getHost() != null
                && webhookUrl.getHost().toLowerCase(Locale.ROOT).equals("chat.googleapis.com")
                && webhookUrl.getRawPath() != null && webhookUrl.getRawPath().startsWith("/v1/spaces/");
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
        return new GoogleChatFormatter(context.settings().get(THREAD_KEY));
    }

    private static String threadKey(String text) {
        if (text.length() > 128 || !text.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("letters, digits, '.', '_' and '-', at most 128 of them");
        }
        return text;
    }
}
