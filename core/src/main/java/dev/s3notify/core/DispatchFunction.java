package dev.s3notify.core;

import dev.s3notify.core.aws.AwsSession;
import dev.s3notify.core.aws.StoredSecrets;
import dev.s3notify.core.internal.WebhookSender;
import dev.s3notify.spi.WebhookFormatter;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Builds the webhook dispatcher's {@link DispatchPipeline} from the environment, once, at cold start. Every
 * configuration problem is reported together. The webhook URL, wherever it comes from, is held as a
 * {@link Secret}: only its host is ever logged.
 */
public final class DispatchFunction {
    private static final Log LOG = Log.of(DispatchFunction.class);

    private DispatchFunction() {
    }

    /**
     * What the caller changes about the function; null fields mean "as configured".
     *
     * @param preview format only: no webhook URL is needed and nothing is sent
     * @param onRequest sees every request once it is delivered (or, previewing, formatted), or null
     * @param kind the formatter kind instead of {@code WEBHOOK_KIND}, or null
     * @param template the template text instead of {@code MESSAGE_TEMPLATE}, or null
     * @param loader where formatters are looked for, or null for this class's loader with the plugin jars
     *     ({@link Plugins})
     * @param credentials AWS credentials for reading the URL from Secrets Manager or SSM, or null for the chain
     */
    public record Overrides(boolean preview, BiConsumer<Destination, WebhookRequest> onRequest, String kind,
            String template, ClassLoader loader, AwsCredentialsProvider credentials) {
        /** @return no overrides */
        public static Overrides none() {
            return new Overrides(false, null, null, null, null, null);
        }
    }

    /**
     * @param env the environment, read once at the edge
     * @param overrides what replaces the defaults
     * @return the pipeline
     * @throws ConfigurationException listing every problem found
     */
    public static DispatchPipeline create(Map<String, String> env, Overrides overrides) {
        Settings settings = new Settings(withTemplate(env, overrides.template()));
        URI url = overrides.preview() ? settings.get(Variables.WEBHOOK_URL) : webhookUrl(settings, env, overrides);
        String kind = overrides.kind() != null ? overrides.kind() : settings.get(Variables.WEBHOOK_KIND);
        String templateText = overrides.template() != null ? overrides.template()
                : settings.get(Variables.MESSAGE_TEMPLATE);
        Duration timeout = Duration.ofSeconds(settings.get(Variables.REQUEST_TIMEOUT_SECONDS));
        int maxAttempts = settings.get(Variables.MAX_ATTEMPTS).intValue();
        ClassLoader loader = overrides.loader() != null ? overrides.loader() : Plugins.classLoader(settings);
        // Without a URL (already reported) the kind cannot be inferred; saying so again would only add noise.
        boolean canChoose = kind != null || url != null || overrides.preview();
        WebhookFormatter formatter = canChoose ? formatter(loader, kind, url, settings) : null;
        KindSettings formatterSettings = formatter == null ? null
                : KindSettings.read(formatter.variables(), settings);
        MessageTemplate template = template(templateText, formatter, formatterSettings, settings);
        settings.validate();
        Destination destination = new Destination(formatter.kind(), formatter, formatterSettings, template,
                url == null ? null : Secret.of(url.toString()));
        formatSamples(destination, templateText != null);
        WebhookSender sender = overrides.preview() ? null : WebhookSender.create(timeout, maxAttempts);
        LOG.info(overrides.preview() ? "webhook dispatcher ready to preview" : "webhook dispatcher ready",
                "kind", formatter.kind(), "host", destination.host(), "customTemplate", templateText != null,
                "timeoutSeconds", timeout.toSeconds(), "maxAttempts", maxAttempts);
        return new DispatchPipeline(List.of(destination), sender, overrides.onRequest());
    }

    /** The template given on the command line counts as {@code MESSAGE_TEMPLATE} for the formatter too. */
    private static Map<String, String> withTemplate(Map<String, String> env, String template) {
        if (template == null || template.isBlank()) {
            return env;
        }
        Map<String, String> copy = new HashMap<>(env);
        copy.put(Variables.MESSAGE_TEMPLATE.name(), template);
        return copy;
    }

    /**
     * Formats a sample of each kind of message at start-up, so that a template whose output the formatter refuses
     * (a JSON body that is not JSON, say) fails the cold start rather than every delivery.
     */
    private static void formatSamples(Destination destination, boolean customTemplate) {
        for (LinkEvent sample : SampleEvents.ALL) {
            try {
                destination.request(destination.notification(sample, "startup-check"));
            } catch (S3NotifyException | IllegalArgumentException e) {
                throw new ConfigurationException((customTemplate ? Variables.MESSAGE_TEMPLATE.name()
                        : destination.formatter().kind() + "'s default template") + " cannot be formatted for a "
                        + sample.eventType().wireName() + " event: " + e.getMessage());
            }
        }
    }

    private static WebhookFormatter formatter(ClassLoader loader, String kind, URI url, Settings settings) {
        try {
            return WebhookFormatters.choose(WebhookFormatters.load(loader), kind, url);
        } catch (ConfigurationException e) {
            e.problems().forEach(settings::problem);
            return null;
        }
    }

    /** Compiled even when no formatter could be chosen, so that a bad template is reported with the rest. */
    private static MessageTemplate template(String text, WebhookFormatter formatter,
            KindSettings formatterSettings, Settings settings) {
        if (text == null && formatter == null) {
            return null;
        }
        try {
            return MessageTemplate.compile(text != null ? text : formatter.defaultTemplate(),
                    text != null ? Variables.MESSAGE_TEMPLATE.name() : formatter.kind() + "'s default template",
                    formatter == null ? value -> value : value -> formatter.escape(value, formatterSettings));
        } catch (ConfigurationException e) {
            e.problems().forEach(settings::problem);
            return null;
        }
    }

    /** {@code WEBHOOK_URL}, or the value of the secret or parameter that holds it: exactly one of the three. */
    private static URI webhookUrl(Settings settings, Map<String, String> env, Overrides overrides) {
        URI direct = settings.get(Variables.WEBHOOK_URL);
        String secretArn = settings.get(Variables.WEBHOOK_URL_SECRET_ARN);
        String parameter = settings.get(Variables.WEBHOOK_URL_PARAMETER);
        int sources = (settings.isSet(Variables.WEBHOOK_URL) ? 1 : 0) + (secretArn != null ? 1 : 0)
                + (parameter != null ? 1 : 0);
        if (sources != 1) {
            settings.problem(sources == 0
                    ? "WEBHOOK_URL is required: set it, or WEBHOOK_URL_SECRET_ARN (Secrets Manager) or"
                            + " WEBHOOK_URL_PARAMETER (SSM SecureString) to where it is stored"
                    : "set only one of WEBHOOK_URL, WEBHOOK_URL_SECRET_ARN and WEBHOOK_URL_PARAMETER");
            return null;
        }
        if (direct != null || !settings.problems().isEmpty()) {
            return direct;
        }
        AwsSession session = AwsSession.create(env, settings, overrides.credentials());
        StoredSecrets secrets = new StoredSecrets(session,
                Variables.endpoint(settings, Variables.AWS_ENDPOINT_URL_SECRETS_MANAGER),
                Variables.endpoint(settings, Variables.AWS_ENDPOINT_URL_SSM));
        Secret stored;
        try {
            stored = secretArn != null ? secrets.secretString(secretArn) : secrets.parameter(parameter);
        } catch (ConfigurationException e) {
            // A missing or forbidden secret is one problem among the others, not the only one reported.
            e.problems().forEach(settings::problem);
            return null;
        } finally {
            // Read once, at start-up: nothing fetched for it stays in memory (nor in a SnapStart snapshot).
            session.forget();
        }
        String where = secretArn != null ? "WEBHOOK_URL_SECRET_ARN=" + secretArn : "WEBHOOK_URL_PARAMETER=" + parameter;
        return StoredUrl.parse(stored, where, settings);
    }
}
