package dev.s3notify.core.function;

import dev.s3notify.core.Digest;
import dev.s3notify.core.aws.AwsSession;
import dev.s3notify.core.aws.StoredSecrets;
import dev.s3notify.core.config.KnownSecrets;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.config.StoredUrl;
import dev.s3notify.core.config.Variables;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.input.Urls;
import dev.s3notify.core.plugins.KindRegistry;
import dev.s3notify.core.plugins.WebhookFormatters;
import dev.s3notify.core.routes.Route;
import dev.s3notify.core.routes.RoutesDocument;
import dev.s3notify.core.routes.WebhookSource;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.text.SafeText;
import dev.s3notify.core.text.Suggestions;
import dev.s3notify.spi.AwsClients;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The destinations of a routes document ({@code ROUTES}, {@code ROUTES_PARAMETER} or {@code ROUTES_FILE}): one per
 * route, each with its own kind, webhook, settings and templates, every problem of every route reported together and
 * named by the route. The webhook URLs kept in Secrets Manager or SSM are read at once, in parallel.
 */
final class RoutedSetup {
    private static final Log LOG = Log.of(RoutedSetup.class);
    /** The variables of one webhook, which a routes document replaces. */
    private static final List<Variable<?>> ONE_WEBHOOK = List.of(Variables.WEBHOOK_URL,
            Variables.WEBHOOK_URL_SECRET_ARN, Variables.WEBHOOK_URL_PARAMETER, Variables.WEBHOOK_KIND,
            Variables.MESSAGE_TEMPLATE, Variables.DIGEST_TEMPLATE);
    private static final List<Variable<?>> SOURCES = List.of(Variables.ROUTES, Variables.ROUTES_PARAMETER,
            Variables.ROUTES_FILE);
    /** How many stored URLs are read at once. */
    private static final int READERS = 8;

    private RoutedSetup() {
    }

    /**
     * @param settings the environment
     * @return whether a routes document is configured (by any of its three variables)
     */
    static boolean configured(Settings settings) {
        return SOURCES.stream().anyMatch(settings::isSet);
    }

    /**
     * One route ready to deliver, with how its templates are named in problems.
     *
     * @param destination the route's destination
     * @param templateName the name of its own template, or null when it uses its kind's default
     * @param digestName the name of its own digest template, or null when it uses its kind's default
     * @param secrets the secrets among its settings and its URL, for redaction
     */
    record Prepared(Destination destination, String templateName, String digestName, List<Secret> secrets) {
    }

    /**
     * @param settings the environment; every problem is recorded there
     * @param env the environment as read, for the AWS session
     * @param overrides what the caller changes ({@code --route} selects one route)
     * @param loader where formatters are looked for
     * @param digestsNow whether digest templates are compiled now (the queue path) rather than on first use
     * @return each route's destination, in the document's order; empty when a problem was recorded
     */
    static List<Prepared> destinations(Settings settings, Map<String, String> env, DispatchFunction.Overrides overrides,
            ClassLoader loader, boolean digestsNow) {
        conflicts(settings, overrides);
        List<Route> routes = document(settings, env, overrides.credentials());
        KindRegistry<WebhookFormatterProvider> registry = DispatchFunction.orProblem(settings,
                () -> WebhookFormatters.load(loader));
        if (registry != null) {
            kindVariablesInEnvironment(settings, registry);
        }
        routes = selected(routes, overrides.route(), settings);
        Map<String, URI> urls = overrides.preview() ? Map.of() : urls(routes, settings, env, overrides);
        List<Prepared> prepared = new ArrayList<>();
        AwsClients aws = DispatchFunction.awsClients(env, settings, overrides.credentials());
        for (Route route : routes) {
            Prepared one = registry == null ? null : prepare(route, urls.get(route.name()), registry, settings,
                    overrides.preview(), digestsNow, aws);
            if (one != null) {
                prepared.add(one);
            }
        }
        return List.copyOf(prepared);
    }

    /**
     * The routes document alone, read and checked for its shape as the dispatcher reads it, for a caller that shows
     * where events go ({@code s3notify routes}); kinds, settings and templates are not checked.
     *
     * @param settings the environment, with a routes document configured; every problem is recorded there
     * @param env the environment, for the AWS session that reads {@code ROUTES_PARAMETER}
     * @param credentials AWS credentials for SSM, or null for the chain
     * @return the routes read without a problem, in the document's order
     */
    static List<Route> read(Settings settings, Map<String, String> env, AwsCredentialsProvider credentials) {
        oneSource(settings);
        return document(settings, env, credentials);
    }

    /** @return the variables naming a document; more than one is a problem */
    private static List<String> oneSource(Settings settings) {
        List<String> set = SOURCES.stream().filter(settings::isSet).map(Variable::name).toList();
        if (set.size() > 1) {
            settings.problem("set only one of ROUTES, ROUTES_PARAMETER and ROUTES_FILE (set: " + String.join(", ", set)
                    + ")");
        }
        return set;
    }

    /** With routes, the variables of one webhook and the command line's --kind and --template mean nothing. */
    private static void conflicts(Settings settings, DispatchFunction.Overrides overrides) {
        List<String> set = oneSource(settings);
        for (Variable<?> variable : ONE_WEBHOOK) {
            if (settings.isSet(variable)) {
                settings.problem(variable.name() + " is set, but " + set.get(0) + " configures the webhooks: each"
                        + " route has its own url, kind, template and digestTemplate; unset " + variable.name());
            }
        }
        if (overrides.kind() != null || overrides.template() != null) {
            settings.problem("--kind and --template do not apply with routes: each route has its own kind and"
                    + " template; choose one with --route NAME");
        }
    }

    /** A kind's variable in the environment is not applied to routes: said, so that it is moved where it works. */
    private static void kindVariablesInEnvironment(Settings settings, KindRegistry<WebhookFormatterProvider> registry) {
        List<String> names = new ArrayList<>();
        for (WebhookFormatterProvider provider : registry.all()) {
            for (Variable<?> variable : provider.variables()) {
                if (settings.raw(variable.name()).isPresent() && !names.contains(variable.name())) {
                    names.add(variable.name());
                }
            }
        }
        names.forEach(name -> settings.problem(name + " is set, but with routes each route's settings are its own:"
                + " move it under \"settings\" of the routes that need it, and unset it"));
    }

    /** The document, read from the one variable that names it. */
    private static List<Route> document(Settings settings, Map<String, String> env,
            AwsCredentialsProvider credentials) {
        String inline = settings.get(Variables.ROUTES);
        String parameter = settings.get(Variables.ROUTES_PARAMETER);
        String file = settings.get(Variables.ROUTES_FILE);
        if (inline != null) {
            return RoutesDocument.parse(inline, origin(settings), settings::problem);
        }
        if (file != null) {
            String origin = origin(settings);
            try {
                return RoutesDocument.parse(Files.readString(Path.of(file)), origin, settings::problem);
            } catch (IOException | RuntimeException e) {
                settings.problem(origin + ": cannot be read: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + SafeText.cut(e.getMessage(), 160)));
                return List.of();
            }
        }
        String origin = origin(settings);
        AwsSession session = AwsSession.create(env, settings, credentials);
        try {
            Secret stored = secrets(session, settings).parameter(parameter);
            return RoutesDocument.parse(stored.reveal(), origin, settings::problem);
        } catch (ConfigurationException e) {
            e.problems().forEach(settings::problem);
            return List.of();
        } finally {
            session.forget();
        }
    }

    private static StoredSecrets secrets(AwsSession session, Settings settings) {
        return new StoredSecrets(session, Variables.endpoint(settings, Variables.AWS_ENDPOINT_URL_SECRETS_MANAGER),
                Variables.endpoint(settings, Variables.AWS_ENDPOINT_URL_SSM));
    }

    /** {@code --route NAME}: that route alone; unknown names are a problem naming the routes there are. */
    private static List<Route> selected(List<Route> routes, String name, Settings settings) {
        if (name == null || routes.isEmpty()) {
            return routes;
        }
        Map<String, Route> byName = new LinkedHashMap<>();
        routes.forEach(route -> byName.putIfAbsent(route.name(), route));
        if (!byName.containsKey(name)) {
            List<String> names = List.copyOf(byName.keySet());
            settings.problem("--route " + SafeText.quote(name) + ": no such route"
                    + Suggestions.didYouMean(name, names) + " (routes: " + String.join(", ", names) + ")");
            return List.of();
        }
        // The route, and the routes its refused messages would go to: its fallback, that one's, and so on.
        Set<String> chosen = new HashSet<>();
        Route next = byName.get(name);
        while (next != null && chosen.add(next.name())) { // a cycle (reported elsewhere) ends the chain
            next = next.fallback().map(byName::get).orElse(null);
        }
        return routes.stream().filter(route -> chosen.contains(route.name())).toList();
    }

    /** Every route's webhook URL: written in the document, or read from where it is kept, all reads at once. */
    private static Map<String, URI> urls(List<Route> routes, Settings settings, Map<String, String> env,
            DispatchFunction.Overrides overrides) {
        Map<String, URI> urls = new LinkedHashMap<>();
        List<Route> stored = new ArrayList<>();
        for (Route route : routes) {
            WebhookSource source = route.source();
            if (source.type() == WebhookSource.Type.URL) {
                URI url = written(route, settings);
                if (url != null) {
                    urls.put(route.name(), url);
                }
            } else {
                stored.add(route);
            }
        }
        if (stored.isEmpty() || !settings.problems().isEmpty()) {
            return urls;
        }
        AwsSession session = AwsSession.create(env, settings, overrides.credentials());
        StoredSecrets secrets = secrets(session, settings);
        ExecutorService readers = Executors.newFixedThreadPool(Math.min(READERS, stored.size()), runnable -> {
            Thread thread = new Thread(runnable, "s3notify-route-urls");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<Route, Future<Secret>> reads = new LinkedHashMap<>();
            for (Route route : stored) {
                WebhookSource source = route.source();
                reads.put(route, readers.submit(() -> source.type() == WebhookSource.Type.SECRET_ARN
                        ? secrets.secretString(source.location()) : secrets.parameter(source.location())));
            }
            reads.forEach((route, read) -> {
                Secret value = answer(read, route, settings);
                URI url = value == null ? null : StoredUrl.parse(value, where(route, settings), settings);
                if (url != null) {
                    urls.put(route.name(), url);
                }
            });
        } finally {
            readers.shutdownNow();
            // Read once, at start-up: nothing fetched for them stays in memory (nor in a SnapStart snapshot).
            session.forget();
        }
        return urls;
    }

    private static Secret answer(Future<Secret> read, Route route, Settings settings) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            String problem = e.getCause() instanceof ConfigurationException c ? String.join("; ", c.problems())
                    : e.getCause().getMessage();
            settings.problem(prefix(route, settings) + route.source().type().field() + ": " + problem);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            settings.problem(prefix(route, settings) + "interrupted while its webhook URL was read");
        }
        return null;
    }

    private static String where(Route route, Settings settings) {
        return prefix(route, settings) + route.source().type().field();
    }

    /** @return how problems name the document: {@code ROUTES}, {@code ROUTES_FILE="/opt/routes.json"}, ... */
    static String origin(Settings settings) {
        if (settings.isSet(Variables.ROUTES)) {
            return Variables.ROUTES.name();
        }
        Variable<String> named = settings.isSet(Variables.ROUTES_FILE) ? Variables.ROUTES_FILE
                : Variables.ROUTES_PARAMETER;
        return named.name() + "=" + SafeText.quote(settings.get(named));
    }

    static String prefix(Route route, Settings settings) {
        return origin(settings) + ": route '" + route.name() + "': ";
    }

    /** One route's destination; null, with the problems recorded, when it cannot be made. */
    private static Prepared prepare(Route route, URI url, KindRegistry<WebhookFormatterProvider> registry,
            Settings settings, boolean preview, boolean digestsNow, AwsClients aws) {
        int before = settings.problems().size();
        if (url == null && !preview) {
            return null; // its problem is recorded already
        }
        String prefix = prefix(route, settings);
        if (url == null && route.kind().isEmpty() && route.source().type() != WebhookSource.Type.URL) {
            settings.problem(prefix + "kind: needed to preview a route whose URL is kept in "
                    + route.source().type().field() + ", which a preview does not read");
            return null;
        }
        if (route.kind().isPresent() && !registry.kinds().contains(route.kind().get())) {
            settings.problem(prefix + "kind: " + SafeText.quote(route.kind().get()) + " names no known kind (a"
                    + " plugin's kind needs its jar in S3NOTIFY_PLUGINS_DIR or a Lambda layer's java/lib); available: "
                    + String.join(", ", registry.kinds()) + Suggestions.didYouMean(route.kind().get(),
                            registry.kinds()));
            return null;
        }
        URI known = url != null ? url : previewUrl(route, settings);
        WebhookFormatterProvider provider;
        try {
            provider = WebhookFormatters.choose(registry, route.kind().orElse(null), known, "kind", "url");
        } catch (ConfigurationException e) {
            e.problems().forEach(problem -> settings.problem(prefix + problem));
            return null;
        }
        if (provider == null) {
            return null;
        }
        WebhookFormatter formatter = formatter(route, provider, settings, aws);
        String templateName = route.template().isPresent() ? prefix + "template" : null;
        MessageTemplate template = DispatchFunction.template(route.template().orElse(null), templateName, provider,
                formatter, settings);
        String digestName = route.digestTemplate().isPresent() ? prefix + "digestTemplate" : null;
        Digest.Renderer digestTemplate = DispatchFunction.digestTemplate(route.digestTemplate().orElse(null),
                digestName, provider, formatter, settings, digestsNow || digestName != null);
        if (settings.problems().size() > before || formatter == null || template == null || digestTemplate == null) {
            return null;
        }
        Secret secretUrl = url == null ? null : Secret.of(url.toString());
        Destination destination = new Destination(route.name(), provider.kind(), formatter, template, digestTemplate,
                secretUrl, Destination.Routing.named(route.filter(), route.fallback().orElse(null)));
        List<Secret> secrets = new ArrayList<>(KnownSecrets.in(route.settings(), provider.variables()));
        secrets.addAll(KnownSecrets.url(secretUrl));
        return new Prepared(destination, templateName, digestName, secrets);
    }

    /** The URL written in the document, read only for the kind it implies, when previewing. */
    private static URI previewUrl(Route route, Settings settings) {
        return route.source().type() == WebhookSource.Type.URL ? written(route, settings) : null;
    }

    /** The URL written in the document; a problem (never quoting it: it is a credential) when it is not one. */
    private static URI written(Route route, Settings settings) {
        try {
            return Urls.destination(route.source().url().reveal().strip());
        } catch (IllegalArgumentException e) {
            settings.problem(where(route, settings) + ": not a webhook URL: expected " + e.getMessage());
            return null;
        }
    }

    /** The route's formatter, configured with the route's own settings under the kind's variable names. */
    private static WebhookFormatter formatter(Route route, WebhookFormatterProvider provider, Settings settings,
            AwsClients aws) {
        String prefix = prefix(route, settings);
        List<String> declared = provider.variables().stream().map(Variable::name).toList();
        boolean unknown = false;
        for (String name : route.settings().keySet()) {
            if (!declared.contains(name)) {
                unknown = true;
                settings.problem(prefix + "settings." + SafeText.cut(name, 64) + ": not a setting of the "
                        + provider.kind() + " kind" + Suggestions.didYouMean(name, declared)
                        + (declared.isEmpty() ? " (it has none)" : " (its settings: " + String.join(", ", declared)
                                + ")"));
            }
        }
        List<String> problems = new ArrayList<>();
        KindSettings kindSettings = KindSettings.read(provider.variables(),
                variable -> variable.read(route.settings(), problems::add));
        problems.forEach(problem -> settings.problem(prefix + "settings." + problem));
        if (unknown || !problems.isEmpty()) {
            return null;
        }
        return DispatchFunction.orProblem(settings, prefix, () -> provider.create(FormatterContext.of(kindSettings,
                aws)));
    }

    /** Says, once at start-up, where each route goes and what it takes. */
    static void logReady(List<Prepared> routes) {
        for (Prepared route : routes) {
            Destination destination = route.destination();
            LOG.info("route ready", "route", destination.name(), "kind", destination.kind(), "host",
                    destination.host(), "filters", destination.routing().filter().describe(), "fallback",
                    destination.fallback().orElse(null), "customTemplate", route.templateName() != null,
                    "customDigestTemplate", route.digestName() != null);
        }
    }
}
