package dev.s3notify.generic;

import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;

/**
 * Any JSON webhook ({@code WEBHOOK_KIND=generic}), and the kind used when no other formatter recognizes the webhook
 * URL: creates the {@link GenericFormatter} that posts a versioned JSON document, or the output of
 * {@code MESSAGE_TEMPLATE} as the whole body. The documents and headers are described in the module's README.
 */
public final class GenericFormatterProvider implements WebhookFormatterProvider {
    private static final String DEFAULT_TEMPLATE = "{{#created}}{{fileName}} was uploaded to {{bucket}}{{/created}}"
            + "{{#restored}}{{fileName}} was restored in {{bucket}}{{/restored}}"
            + "{{#deleted}}{{fileName}} was deleted from {{bucket}}{{/deleted}}"
            + "{{#restoreStarted}}{{fileName}} is being restored in {{bucket}}{{/restoreStarted}}"
            + "{{#restoreExpired}}The restored copy of {{fileName}} in {{bucket}} expired{{/restoreExpired}}"
            + "{{#other}}{{fileName}} in {{bucket}}{{/other}}"
            + "{{#hasLink}}: {{{fileUrl}}}{{#expirationTime}} (expires in {{expirationTime}}){{/expirationTime}}"
            + "{{/hasLink}}";

    /** Creates the provider; ServiceLoader calls this. */
    public GenericFormatterProvider() {
    }

    @Override
    public String kind() {
        return "generic";
    }

    /**
     * @return {@code MESSAGE_TEMPLATE} (to know whether the body is the template's), {@code WEBHOOK_CONTENT_TYPE},
     *     {@code WEBHOOK_HEADERS} and {@code WEBHOOK_SIGNING_SECRET}
     */
    @Override
    public List<Variable<?>> variables() {
        return GenericVariables.ALL;
    }

    /** @return false: generic is the fallback for URLs no other formatter recognizes */
    @Override
    public boolean recognizes(URI webhookUrl) {
        return false;
    }

    /** @return plain text naming the file, the bucket, what happened and, with a link, the link and its lifetime */
    @Override
    public String defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /** @return the summary: the files and their links are in the digest document's {@code data.files} */
    @Override
    public String defaultDigestTemplate() {
        return "{{summary}}";
    }

    /**
     * @param context the validated values of {@link #variables()}
     * @return the formatter
     */
    @Override
    public WebhookFormatter create(FormatterContext context) {
        return new GenericFormatter(context.settings());
    }
}
