package dev.s3notify.cli;

import dev.s3notify.core.text.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options after the command: positional words, {@code --event FILE} ({@code -} for standard input),
 * {@code --kind K}, {@code --template T}, {@code --route NAME}, {@code --dry-run}, {@code --json},
 * {@code --allow-broken-links}, {@code --help}, and the options every command takes, {@code --verbose} and
 * {@code --log-format text|json}. A value may follow its option or be joined to it with {@code =}. Each command
 * accepts only its own options, each once.
 */
record Options(List<String> words, String event, String kind, String template, String route, boolean dryRun,
        boolean json, boolean help, boolean verbose, String logFormat, boolean allowBrokenLinks) {
    /** What every command accepts besides its own options. */
    static final Set<String> GLOBAL = Set.of("--verbose", "--log-format");
    static final Set<String> WITH_VALUE = Set.of("--event", "--kind", "--template", "--route", "--log-format");

    /**
     * @param args the arguments after the command name
     * @param accepted the options the command takes ({@code --help}, {@code -h} and {@link #GLOBAL} always)
     * @return the options
     * @throws Main.UsageException naming an option the command does not take, with the closest one it does, or one
     *     given twice
     */
    static Options parse(String[] args, Set<String> accepted) {
        List<String> words = new ArrayList<>();
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!name.startsWith("-") || name.equals("-")) {
                words.add(arg);
                continue;
            }
            name = name.equals("-h") ? "--help" : name;
            if (!name.equals("--help") && !accepted.contains(name) && !GLOBAL.contains(name)) {
                throw unknown(name, accepted);
            }
            String value;
            if (WITH_VALUE.contains(name)) {
                value = equals >= 0 ? arg.substring(equals + 1) : value(args, ++i, name);
            } else if (equals >= 0) {
                throw new Main.UsageException(name + " takes no value");
            } else {
                value = "";
            }
            if (given.put(name, value) != null) {
                throw new Main.UsageException(name + " is given twice; give it once");
            }
        }
        String logFormat = given.get("--log-format");
        if (logFormat != null && !logFormat.equals("text") && !logFormat.equals("json")) {
            throw new Main.UsageException("--log-format " + Main.quoted(logFormat)
                    + " is not a format; use text (the default) or json");
        }
        return new Options(List.copyOf(words), given.get("--event"), given.get("--kind"), given.get("--template"),
                given.get("--route"), given.containsKey("--dry-run"), given.containsKey("--json"),
                given.containsKey("--help"), given.containsKey("--verbose"), logFormat == null ? "text" : logFormat,
                given.containsKey("--allow-broken-links"));
    }

    private static Main.UsageException unknown(String option, Set<String> accepted) {
        Set<String> all = new TreeSet<>(accepted);
        all.add("--help");
        all.addAll(GLOBAL);
        return new Main.UsageException("unknown option '" + Main.quoted(option) + "'"
                + Suggestions.didYouMean(option, all));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].matches("--[a-z][a-z-]*")) {
            throw new Main.UsageException(option + " needs a value: " + switch (option) {
                case "--event" -> "the name of a JSON event file, or - for standard input";
                case "--kind" -> "a formatter kind such as discord (s3notify kinds lists them)";
                case "--log-format" -> "text or json";
                case "--route" -> "the name of a route of the routes document (s3notify routes --event FILE lists"
                        + " them)";
                default -> "a Mustache template such as '{{fileName}} was uploaded'";
            });
        }
        return args[i];
    }

    String requireEvent() {
        if (event == null) {
            throw new Main.UsageException("--event FILE is required (- reads standard input)");
        }
        return event;
    }

    void requireNoWords(String command) {
        if (!words.isEmpty()) {
            throw new Main.UsageException(command + " takes no argument '" + Main.quoted(words.get(0))
                    + "'; only options");
        }
    }
}
