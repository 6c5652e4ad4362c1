package dev.s3notify.core.function;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.Digest;
import dev.s3notify.core.templates.DigestTemplate;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.plugins.Plugins;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.templates.SampleEvents;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.routes.Route;
import dev.s3notify.core.config.StoredUrl;
import dev.s3notify.spi.Variable;
import dev.s3notify.core.config.Variables;
import dev.s3notify.core.plugins.WebhookFormatters;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.SafeText;

import dev.s3notify.core.aws.AwsSession;
import dev.s3notify.core.aws.SessionClients;
import dev.s3notify.core.aws.StoredSecrets;
import dev.s3notify.spi.AwsClients;
import dev.s3notify.core.config.KnownSecrets;
import dev.s3notify.core.dispatch.WebhookSender;
import dev.s3notify.core.queue.BatchDispatcher;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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
     * @param route the one route of the routes document to build ({@code --route}), or null for every route
     */
    public record Overrides(boolean preview, BiConsumer<Destination, WebhookRequest> onRequest, String kind,
            String template, ClassLoader loader, AwsCredentialsProvider credentials, String route) {
        /** @return no overrides */
        public static Overrides none() {
            return new Overrides(false, null, null, null, null, null, null);
        }

        /** Overrides that keep every route of a routes document. */
        public Overrides(boolean preview, BiConsumer<Destination, WebhookRequest> onRequest, String kind,
                String template, ClassLoader loader, AwsCredentialsProvider credentials) {
            this(preview, onRequest, kind, template, loader, credentials, null);
        }

        /**
         * @param name the one route of the routes document to build, or null for all of them
         * @return these overrides, building only that route and the chain of its fallbacks (where its refused
         *     messages would go)
         */
        public Overrides withRoute(String name) {
            return new Overrides(preview, onRequest, kind, template, loader, credentials, name);
        }
    }

    /**
     * @param env the environment, read once at the edge
     * @param overrides what replaces the defaults
     * @return the pipeline
     * @throws ConfigurationException listing every problem found
     */
    public static DispatchPipeline create(Map<String, String> env, Overrides overrides) {
        if (RoutedSetup.configured(new Settings(env))) {
            return routed(env, overrides);
        }
        if (overrides.route() != null) {
            throw new ConfigurationException("--route " + SafeText.quote(overrides.route()) + ": no routes are"
                    + " configured: set ROUTES, ROUTES_PARAMETER or ROUTES_FILE (see docs/routes.md)");
        }
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
        WebhookFormatterProvider provider = canChoose ? provider(loader, kind, url, settings) : null;
        WebhookFormatter formatter = provider == null ? null : formatter(provider, settings,
                awsClients(env, settings, overrides.credentials()));
        // A template from the command line is called what the user typed, not the variable it stands in for.
        String templateName = overrides.template() != null ? "--template" : Variables.MESSAGE_TEMPLATE.name();
        MessageTemplate template = template(templateText, templateName, provider, formatter, settings);
        String digestText = settings.get(Variables.DIGEST_TEMPLATE);
        // Digests are checked now only where they can happen: on the queue path, or with a template of one's own.
        boolean digestsNow = digestText != null || QueueSetup.queued(settings);
        Digest.Renderer digestTemplate = digestTemplate(digestText, provider, formatter, settings, digestsNow);
        Variables.region(settings); // checked even when no AWS call needs it, as the link generator does
        QueueSetup.check(settings);
        settings.validate();
        Destination destination = new Destination(provider.kind(), provider.kind(), formatter, template,
                digestTemplate, url == null ? null : Secret.of(url.toString()));
        formatSamples(destination, templateText != null ? templateName : null);
        StartupDigests digests = new StartupDigests(destination, digestText != null);
        if (digestsNow) {
            digests.check();
        }
        List<Secret> known = new java.util.ArrayList<>(KnownSecrets.in(env, concat(Variables.ALL,
                provider.variables())));
        known.addAll(KnownSecrets.url(destination.url()));
        WebhookSender sender = overrides.preview() ? null : WebhookSender.create(timeout, maxAttempts)
                .redacting(known);
        BatchDispatcher batches = QueueSetup.create(settings, env, List.of(destination), sender,
                overrides.credentials(), known);
        LOG.info(overrides.preview() ? "webhook dispatcher ready to preview" : "webhook dispatcher ready",
                "kind", provider.kind(), "host", destination.host(), "customTemplate", templateText != null,
                "customDigestTemplate", digestText != null, "timeoutSeconds", timeout.toSeconds(),
                "maxAttempts", maxAttempts);
        return new DispatchPipeline(List.of(destination), sender, overrides.onRequest(), batches, digests);
    }

    /**
     * @param env the environment
     * @return whether a routes document is configured ({@code ROUTES}, {@code ROUTES_PARAMETER} or
     *     {@code ROUTES_FILE}): then each route has its own webhook, and {@code WEBHOOK_URL} and its kin are not read
     */
    public static boolean routed(Map<String, String> env) {
        return RoutedSetup.configured(new Settings(env));
    }

    /**
     * The routes document, read from the one variable that names it and checked for its shape, as the dispatcher
     * reads it at cold start; kinds, settings and templates are checked only when the pipeline is built
     * ({@link #create}). For a caller that shows which route takes which event ({@code s3notify routes}).
     *
     * @param env the environment
     * @param credentials AWS credentials for reading {@code ROUTES_PARAMETER} from SSM, or null for the chain
     * @return the routes in the document's order; empty when no routes are configured ({@link #routed})
     * @throws ConfigurationException listing every problem of the document and of the variables naming it
     */
    public static List<Route> routes(Map<String, String> env, AwsCredentialsProvider credentials) {
        Settings settings = new Settings(env);
        if (!RoutedSetup.configured(settings)) {
            return List.of();
        }
        List<Route> routes = RoutedSetup.read(settings, env, credentials);
        settings.validate();
        return routes;
    }

    /** The pipeline of a routes document: one destination per route. */
    private static DispatchPipeline routed(Map<String, String> env, Overrides overrides) {
        Settings settings = new Settings(env);
        Duration timeout = Duration.ofSeconds(settings.get(Variables.REQUEST_TIMEOUT_SECONDS));
        int maxAttempts = settings.get(Variables.MAX_ATTEMPTS).intValue();
        ClassLoader loader = overrides.loader() != null ? overrides.loader() : Plugins.classLoader(settings);
        boolean queued = QueueSetup.queued(settings);
        List<RoutedSetup.Prepared> routes = RoutedSetup.destinations(settings, env, overrides, loader, queued);
        Variables.region(settings);
        QueueSetup.check(settings);
        settings.validate();
        List<Destination> destinations = routes.stream().map(RoutedSetup.Prepared::destination).toList();
        List<String> problems = new java.util.ArrayList<>();
        List<StartupDigests.Check> checks = new java.util.ArrayList<>();
        List<Secret> known = new java.util.ArrayList<>(KnownSecrets.in(env, Variables.ALL));
        for (RoutedSetup.Prepared route : routes) {
            Destination destination = route.destination();
            orProblem(problems, () -> formatSamples(destination, route.templateName()));
            List<String> standsInFor = destinations.stream().filter(d -> d.fallback().filter(destination.name()::equals)
                    .isPresent()).map(Destination::name).toList();
            if (!standsInFor.isEmpty()) {
                try {
                    formatSamples(destination.redirectedFrom(standsInFor.get(0), "Meant for route '"
                            + standsInFor.get(0) + "', but its webhook refused it for good: sample."),
                            route.templateName());
                } catch (ConfigurationException e) {
                    problems.add(RoutedSetup.origin(settings) + ": route '" + destination.name() + "' is the fallback"
                            + " of " + String.join(", ", standsInFor) + ", but its messages cannot start with the"
                            + " line that says where they were meant to go: " + String.join("; ", e.problems()));
                }
            }
            checks.add(new StartupDigests.Check(destination, route.digestName() != null ? route.digestName()
                    : destination.kind() + "'s default digest template"));
            known.addAll(route.secrets());
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        StartupDigests digests = new StartupDigests(checks);
        if (queued || routes.stream().anyMatch(route -> route.digestName() != null)) {
            digests.check();
        }
        WebhookSender sender = overrides.preview() ? null : WebhookSender.create(timeout, maxAttempts)
                .redacting(known);
        BatchDispatcher batches = QueueSetup.create(settings, env, destinations, sender, overrides.credentials(),
                known);
        LOG.info(overrides.preview() ? "webhook dispatcher ready to preview" : "webhook dispatcher ready",
                "routes", destinations.size(), "source", RoutedSetup.origin(settings), "timeoutSeconds",
                timeout.toSeconds(), "maxAttempts", maxAttempts);
        RoutedSetup.logReady(routes);
        if (!queued && destinations.size() > 1 && !overrides.preview()) {
            LOG.info("direct path: an invocation AWS retries after a route refused posts again to every matching"
                    + " route, those that accepted included; the queue path (delivery records) posts once per route");
        }
        return new DispatchPipeline(destinations, sender, overrides.onRequest(), batches, digests);
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
    static void formatSamples(Destination destination, String customTemplate) {
        for (LinkEvent sample : SampleEvents.ALL) {
            try {
                destination.request(destination.notification(sample, "startup-check"));
            } catch (S3NotifyException | IllegalArgumentException e) {
                throw new ConfigurationException((customTemplate != null ? customTemplate
                        : destination.kind() + "'s default template") + " cannot be formatted for a "
                        + sample.eventType().wireName() + " event: " + e.getMessage());
            }
        }
    }

    private static WebhookFormatterProvider provider(ClassLoader loader, String kind, URI url, Settings settings) {
        return orProblem(settings, () -> WebhookFormatters.choose(WebhookFormatters.load(loader), kind, url));
    }

    /** The configured formatter; null (with the problems recorded) when its settings are invalid. */
    private static WebhookFormatter formatter(WebhookFormatterProvider provider, Settings settings, AwsClients aws) {
        int before = settings.problems().size();
        KindSettings kindSettings = KindSettings.read(provider.variables(), settings::get);
        return settings.problems().size() > before ? null
                : orProblem(settings, () -> provider.create(FormatterContext.of(kindSettings, aws)));
    }

    /**
     * @return core's AWS client set-up for the formatters that call an AWS service themselves (their
     *     {@code delivery()}), over a session made only when one first asks
     */
    static AwsClients awsClients(Map<String, String> env, Settings settings, AwsCredentialsProvider credentials) {
        return new SessionClients(() -> AwsSession.create(env, settings, credentials),
                settings.get(Variables.AWS_ENDPOINT_URL));
    }

    /** Compiled even when no formatter could be made, so that a bad template is reported with the rest. */
    static MessageTemplate template(String text, String name, WebhookFormatterProvider provider,
            WebhookFormatter formatter, Settings settings) {
        if (text == null && provider == null) {
            return null;
        }
        return orProblem(settings, () -> MessageTemplate.compile(text != null ? text : provider.defaultTemplate(),
                text != null ? name : provider.kind() + "'s default template",
                formatter == null ? value -> value : formatter::escape));
    }

    /**
     * {@code DIGEST_TEMPLATE} compiled now, so that its problems are reported with the rest; the formatter's default
     * compiled now only when digests are checked at cold start, else on first use (the first queue batch).
     */
    private static Digest.Renderer digestTemplate(String text, WebhookFormatterProvider provider,
            WebhookFormatter formatter, Settings settings, boolean now) {
        return digestTemplate(text, Variables.DIGEST_TEMPLATE.name(), provider, formatter, settings, now);
    }

    /** As {@link #digestTemplate(String, WebhookFormatterProvider, WebhookFormatter, Settings, boolean)}, named. */
    static Digest.Renderer digestTemplate(String text, String textName, WebhookFormatterProvider provider,
            WebhookFormatter formatter, Settings settings, boolean now) {
        if (text == null && provider == null) {
            return null;
        }
        String source = text != null ? text : provider.defaultDigestTemplate();
        String name = text != null ? textName : provider.kind() + "'s default digest template";
        UnaryOperator<String> escaper = formatter == null ? value -> value : formatter::escapeDigest;
        return now ? orProblem(settings, () -> DigestTemplate.compile(source, name, escaper))
                : DigestTemplate.onFirstUse(source, name, escaper);
    }

    /** A configuration problem is one among the others, reported together: recorded, and null returned. */
    static <T> T orProblem(Settings settings, Supplier<T> step) {
        return orProblem(settings, "", step);
    }

    /** As {@link #orProblem(Settings, Supplier)}, each problem prefixed (by the route it belongs to). */
    static <T> T orProblem(Settings settings, String prefix, Supplier<T> step) {
        try {
            return step.get();
        } catch (ConfigurationException e) {
            e.problems().forEach(problem -> settings.problem(prefix + problem));
            return null;
        }
    }

    private static void orProblem(List<String> problems, Runnable step) {
        try {
            step.run();
        } catch (ConfigurationException e) {
            problems.addAll(e.problems());
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

    private static List<Variable<?>> concat(List<Variable<?>> first, List<Variable<?>> second) {
        List<Variable<?>> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
