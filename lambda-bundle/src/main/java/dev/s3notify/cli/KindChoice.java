package dev.s3notify.cli;

import dev.s3notify.core.support.Log;
import dev.s3notify.core.text.Suggestions;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.config.Variables;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.plugins.WebhookFormatters;
import java.util.List;
import java.util.Locale;

/**
 * Which formatter a command asks the dispatcher for. One rule for {@code run} and {@code preview}: {@code --kind},
 * else {@code WEBHOOK_KIND}, else the formatter that recognizes {@code WEBHOOK_URL}, else, when only previewing,
 * discord, said on standard error; with routes, each route's own. A {@code --kind} no formatter has is a usage
 * error about {@code --kind}.
 */
final class KindChoice {
    /** The formatter a preview uses when nothing names one: the first try needs no configuration. */
    static final String PREVIEW_KIND = "discord";

    private KindChoice() {
    }

    /**
     * @param options the command line
     * @param console the environment, and where the choice is said
     * @param previewing whether nothing will be sent (only then may the kind default)
     * @return the kind to ask for, or null to let the dispatcher choose from the environment
     */
    static String choose(Options options, Console console, boolean previewing) {
        if (options.kind() != null) {
            return checked(options.kind(), console);
        }
        Settings settings = new Settings(console.env());
        // With routes, each route names (or infers) its own kind.
        if (!previewing || settings.isSet(Variables.WEBHOOK_KIND) || settings.isSet(Variables.WEBHOOK_URL)
                || DispatchFunction.routed(console.env())) {
            return null;
        }
        console.say(Log.Level.INFO, "s3notify: previewing as " + PREVIEW_KIND + ": neither --kind nor WEBHOOK_KIND names a"
                + " formatter, and there is no WEBHOOK_URL to infer one from; --kind K picks another (s3notify kinds"
                + " lists them).");
        return PREVIEW_KIND;
    }

    /**
     * @param kind the {@code --kind} value
     * @param console where formatters are looked for
     * @return the kind, when a formatter has it
     * @throws Main.UsageException naming {@code --kind}, the closest kind and those available
     */
    static String checked(String kind, Console console) {
        List<String> kinds = WebhookFormatters.load(console.registryLoader()).kinds();
        if (!kinds.contains(kind.toLowerCase(Locale.ROOT))) {
            throw new Main.UsageException("--kind " + Main.quoted(kind) + " names no formatter"
                    + Suggestions.didYouMean(kind.toLowerCase(Locale.ROOT), kinds) + " (available: "
                    + String.join(", ", kinds) + "; a plugin's jar adds more)");
        }
        return kind;
    }
}
