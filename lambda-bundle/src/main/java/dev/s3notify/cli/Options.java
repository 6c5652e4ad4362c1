package dev.s3notify.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options after the command: positional words, {@code --event FILE}, {@code --kind K}, {@code --template T},
 * {@code --dry-run}, {@code --json}, {@code --help}. A value may follow its option or be joined to it with
 * {@code =}. Each command accepts only its own options.
 */
record Options(List<String> words, Path event, String kind, String template, boolean dryRun, boolean json,
        boolean help) {
    private static final Set<String> WITH_VALUE = Set.of("--event", "--kind", "--template");

    /**
     * @param args the arguments after the command name
     * @param accepted the options the command takes ({@code --help} and {@code -h} always)
     * @return the options
     * @throws Main.UsageException naming an option the command does not take, with the closest one it does
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
            } else if (name.equals("--help") || name.equals("-h")) {
                given.put("--help", "");
            } else if (!accepted.contains(name)) {
                throw unknown(name, accepted);
            } else if (WITH_VALUE.contains(name)) {
                given.put(name, equals >= 0 ? arg.substring(equals + 1) : value(args, ++i, name));
            } else if (equals >= 0) {
                throw new Main.UsageException(name + " takes no value");
            } else {
                given.put(name, "");
            }
        }
        String event = given.get("--event");
        return new Options(List.copyOf(words), event == null ? null : Path.of(event), given.get("--kind"),
                given.get("--template"), given.containsKey("--dry-run"), given.containsKey("--json"),
                given.containsKey("--help"));
    }

    private static Main.UsageException unknown(String option, Set<String> accepted) {
        Set<String> all = new TreeSet<>(accepted);
        all.add("--help");
        return new Main.UsageException("unknown option '" + option + "'" + Suggestions.didYouMean(option, all));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].matches("--[a-z][a-z-]*")) {
            throw new Main.UsageException(option + " needs a value: " + switch (option) {
                case "--event" -> "the name of a JSON event file";
                case "--kind" -> "a formatter kind such as discord (s3notify kinds lists them)";
                default -> "a Mustache template such as '{{fileName}} was uploaded'";
            });
        }
        return args[i];
    }

    Path requireEvent() {
        if (event == null) {
            throw new Main.UsageException("--event FILE is required");
        }
        return event;
    }

    void requireNoWords(String command) {
        if (!words.isEmpty()) {
            throw new Main.UsageException(command + " takes no argument '" + words.get(0) + "'; only options");
        }
    }
}
