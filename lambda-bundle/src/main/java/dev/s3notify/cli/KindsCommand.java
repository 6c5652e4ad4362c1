package dev.s3notify.cli;

import dev.s3notify.core.config.Settings;
import dev.s3notify.core.config.Variables;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.plugins.KindRegistry;
import dev.s3notify.core.plugins.LinkGenerators;
import dev.s3notify.core.plugins.WebhookFormatters;
import dev.s3notify.spi.LinkGeneratorProvider;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * {@code kinds}: the formatters and link generators found on the class path, each with the variables it reads,
 * which one the configuration selects, and the providers that failed to load.
 */
final class KindsCommand implements Command {

    @Override
    public String name() {
        return "kinds";
    }

    @Override
    public String synopsis() {
        return "[--json]";
    }

    @Override
    public String summary() {
        return "list the formatters and link generators found, the variables each reads, and the ones in use";
    }

    @Override
    public String help() {
        return """
                usage: s3notify kinds [--json]

                Lists the webhook formatters (WEBHOOK_KIND) and link generators (LINK_KIND) found on the class
                path, plugins included, each with the variables it reads (default, required, secret); marks the
                kind the environment selects (WEBHOOK_KIND, else the formatter that recognizes WEBHOOK_URL, else
                generic; LINK_KIND, else s3-presigned); and lists providers that failed to load.

                  --json    print JSON instead of text

                Exit codes: 0 listed, 2 bad usage or two providers claiming one kind.
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("--json");
    }

    @Override
    public int run(Options options, Console console) {
        options.requireNoWords(name());
        Settings settings = new Settings(console.env());
        ClassLoader loader = console.registryLoader();
        List<KindsReport.Section> sections = List.of(formatters(WebhookFormatters.load(loader), settings),
                linkGenerators(LinkGenerators.load(loader), settings));
        if (options.json() || console.jsonLines()) {
            console.result(KindsReport.json(sections));
        } else {
            console.out().print(KindsReport.text(sections));
        }
        return Main.OK;
    }

    private static KindsReport.Section formatters(KindRegistry<WebhookFormatterProvider> registry, Settings settings) {
        List<KindsReport.Provider> providers = registry.all().stream().map(f -> new KindsReport.Provider(f.kind(),
                f.kind().equals(WebhookFormatters.FALLBACK_KIND)
                        ? "used when WEBHOOK_KIND is unset and no formatter recognizes WEBHOOK_URL" : null,
                f.variables())).toList();
        Choice choice = formatterInUse(registry, settings);
        return new KindsReport.Section("Webhook formatters", "webhookFormatters", Variables.WEBHOOK_KIND.name(),
                providers, choice.kind(), choice.why(), registry.failures());
    }

    /** The kind the dispatcher would choose, or none and why. */
    private static Choice formatterInUse(KindRegistry<WebhookFormatterProvider> registry, Settings settings) {
        String kind = settings.raw(Variables.WEBHOOK_KIND.name()).orElse(null);
        String url = settings.raw(Variables.WEBHOOK_URL.name()).orElse(null);
        if (kind == null && url == null) {
            boolean stored = settings.isSet(Variables.WEBHOOK_URL_SECRET_ARN)
                    || settings.isSet(Variables.WEBHOOK_URL_PARAMETER);
            return new Choice(null, stored
                    ? "inferred at start-up from the URL stored in WEBHOOK_URL_SECRET_ARN or WEBHOOK_URL_PARAMETER,"
                            + " which kinds does not read; set WEBHOOK_KIND to be sure"
                    : "WEBHOOK_KIND and WEBHOOK_URL are unset; s3notify run and preview format as " + KindChoice.PREVIEW_KIND);
        }
        try {
            URI parsed = url == null ? null : Variables.WEBHOOK_URL.parser().parse(url);
            String chosen = WebhookFormatters.choose(registry, kind, parsed).kind();
            return new Choice(chosen, kind != null ? "WEBHOOK_KIND=" + kind
                    : "inferred from WEBHOOK_URL, host " + parsed.getHost());
        } catch (ConfigurationException e) {
            return new Choice(null, String.join("; ", e.problems()));
        } catch (IllegalArgumentException e) {
            return new Choice(null, "WEBHOOK_URL=<secret> is not valid: expected " + e.getMessage());
        }
    }

    private record Choice(String kind, String why) {
    }

    private static KindsReport.Section linkGenerators(KindRegistry<LinkGeneratorProvider> registry, Settings settings) {
        String fallback = Variables.LINK_KIND.defaultValue();
        List<KindsReport.Provider> providers = registry.all().stream().map(g -> new KindsReport.Provider(g.kind(),
                g.kind().equals(fallback) ? "the default" : null, g.variables())).toList();
        String kind = settings.raw(Variables.LINK_KIND.name()).orElse(null);
        String inUse = null;
        String why;
        try {
            inUse = registry.get(kind != null ? kind : fallback).kind();
            why = kind != null ? "LINK_KIND=" + kind : "LINK_KIND is unset: the default";
        } catch (ConfigurationException e) {
            why = String.join("; ", e.problems());
        }
        return new KindsReport.Section("Link generators", "linkGenerators", Variables.LINK_KIND.name(), providers,
                inUse, why, registry.failures());
    }
}
