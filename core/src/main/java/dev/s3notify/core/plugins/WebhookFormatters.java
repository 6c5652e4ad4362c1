package dev.s3notify.core.plugins;

import dev.s3notify.core.config.Variables;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.support.Redact;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;

/**
 * The one registry of {@link WebhookFormatterProvider}s, and the choice of one from {@code WEBHOOK_KIND} or the URL.
 */
public final class WebhookFormatters {
    /** The kind used when {@code WEBHOOK_KIND} is unset and no formatter recognizes the URL. */
    public static final String FALLBACK_KIND = "generic";
    private static final Log LOG = Log.of(WebhookFormatters.class);

    private WebhookFormatters() {
    }

    /**
     * @param loader the class loader to search (with plugins on it)
     * @return the registry
     * @throws ConfigurationException when two formatters claim one kind
     */
    public static KindRegistry<WebhookFormatterProvider> load(ClassLoader loader) {
        return KindRegistry.load(WebhookFormatterProvider.class, WebhookFormatterProvider::kind,
                WebhookFormatterProvider::apiVersion, Variables.WEBHOOK_KIND.name(), loader);
    }

    /**
     * @param registry the formatters found
     * @param kind the {@code WEBHOOK_KIND} value, or null
     * @param webhookUrl the webhook URL, or null when not known (a preview)
     * @return the formatter named by {@code kind}, else the one that recognizes the URL, else {@code generic}; a
     *     named kind that another kind's formatter recognizes the URL of is a warning naming both
     * @throws ConfigurationException when the kind is unknown, several formatters recognize the URL, nothing can be
     *     chosen, or the chosen formatter {@linkplain WebhookFormatterProvider#refuses refuses} the URL
     */
    public static WebhookFormatterProvider choose(KindRegistry<WebhookFormatterProvider> registry, String kind,
            URI webhookUrl) {
        return choose(registry, kind, webhookUrl, Variables.WEBHOOK_KIND.name(), Variables.WEBHOOK_URL.name());
    }

    /**
     * As {@link #choose(KindRegistry, String, URI)}, for a kind and URL given elsewhere than in {@code WEBHOOK_KIND}
     * and {@code WEBHOOK_URL}, such as a route's fields: its problems and its warning name them so.
     *
     * @param kindName what the kind is called in a problem, such as {@code kind}
     * @param urlName what the URL is called, such as {@code url}
     */
    public static WebhookFormatterProvider choose(KindRegistry<WebhookFormatterProvider> registry, String kind,
            URI webhookUrl, String kindName, String urlName) {
        WebhookFormatterProvider chosen = kind != null ? registry.get(kind)
                : inferred(registry, webhookUrl, kindName, urlName);
        if (webhookUrl != null) {
            if (kind != null) {
                warnIfAnotherKinds(registry, chosen, webhookUrl, kindName);
            }
            chosen.refuses(webhookUrl).ifPresent(reason -> {
                throw new ConfigurationException("the webhook URL (" + shown(webhookUrl) + ") cannot be used with the "
                        + chosen.kind() + " formatter: " + reason);
            });
        }
        return chosen;
    }

    /**
     * A Slack URL with {@code WEBHOOK_KIND=discord} would get Discord's bodies, which Slack refuses or shows wrong:
     * said at start-up, naming both kinds. Not an error: a relay on another platform's host may want exactly that.
     */
    private static void warnIfAnotherKinds(KindRegistry<WebhookFormatterProvider> registry,
            WebhookFormatterProvider chosen, URI webhookUrl, String kindName) {
        if (chosen.recognizes(webhookUrl)) {
            return;
        }
        List<String> others = registry.all().stream().filter(f -> f != chosen && f.recognizes(webhookUrl))
                .map(WebhookFormatterProvider::kind).toList();
        if (!others.isEmpty()) {
            String other = String.join(" or ", others);
            LOG.warn("the webhook URL's host " + webhookUrl.getHost() + " is a " + other + " webhook's, but the kind"
                    + " is " + chosen.kind() + ": " + chosen.kind() + "'s messages will be posted there; set "
                    + (kindName.equals(Variables.WEBHOOK_KIND.name()) ? kindName + " (or --kind)" : kindName)
                    + " to " + other + ", or leave it unset to infer it from the URL",
                    "kind", chosen.kind(), "recognizedAs", other, "host", webhookUrl.getHost());
        }
    }

    private static WebhookFormatterProvider inferred(KindRegistry<WebhookFormatterProvider> registry,
            URI webhookUrl, String kindName, String urlName) {
        if (webhookUrl == null) {
            throw new ConfigurationException(kindName + " is not set and there is no " + urlName
                    + " to infer it from; set " + kindName + " to one of: " + available(registry));
        }
        List<WebhookFormatterProvider> matches = registry.all().stream().filter(f -> f.recognizes(webhookUrl)).toList();
        if (matches.size() > 1) {
            throw new ConfigurationException(kindName + " is not set and several formatters recognize the host "
                    + webhookUrl.getHost() + ": " + matches.stream().map(WebhookFormatterProvider::kind).toList()
                    + "; set " + kindName);
        }
        if (matches.isEmpty() && webhookUrl.getHost() == null) {
            // An ARN: the generic kind posts to http(s) URLs only, so it is no fallback for one.
            throw new ConfigurationException("WEBHOOK_KIND is not set and no formatter takes " + shown(webhookUrl)
                    + " (an SNS topic's ARN needs the sns kind on the class path); set WEBHOOK_KIND to one of: "
                    + available(registry));
        }
        if (matches.isEmpty() && !registry.kinds().contains(FALLBACK_KIND)) {
            // Not registry.get(FALLBACK_KIND): its error would blame a WEBHOOK_KIND=generic nobody set.
            throw new ConfigurationException(kindName + " is not set, no formatter recognizes the host "
                    + webhookUrl.getHost() + ", and the fallback kind '" + FALLBACK_KIND + "' is not on the class"
                    + " path; set " + kindName + " to one of: " + available(registry));
        }
        WebhookFormatterProvider inferred = matches.isEmpty() ? registry.get(FALLBACK_KIND) : matches.get(0);
        LOG.info("webhook kind inferred from the URL", "kind", inferred.kind(), "host", Redact.host(webhookUrl.toString()),
                "fallback", matches.isEmpty());
        return inferred;
    }

    /** The host of a URL; of an ARN, all but its account: what may be shown of a destination. */
    private static String shown(URI destination) {
        return destination.getHost() != null ? "host " + destination.getHost()
                : Redact.host(destination.toString());
    }

    private static String available(KindRegistry<WebhookFormatterProvider> registry) {
        return registry.kinds().isEmpty() ? "none (no formatter is on the class path)"
                : String.join(", ", registry.kinds());
    }
}
