package dev.s3notify.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options after the command: positional words, {@code --event FILE}, {@code --kind K},
 * {@code --template T}, {@code --dry-run}, {@code --help}.
 */
record Options(List<String> words, Path event, String kind, String template, boolean dryRun, boolean help) {

    static Options parse(String[] args) {
        List<String> words = new ArrayList<>();
        Path event = null;
        String kind = null;
        String template = null;
        boolean dryRun = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--event" -> event = Path.of(value(args, ++i, "--event", "a file name"));
                case "--kind" -> kind = value(args, ++i, "--kind", "a formatter kind such as discord");
                case "--template" -> template = value(args, ++i, "--template", "a Mustache template");
                case "--dry-run" -> dryRun = true;
                case "--help", "-h" -> help = true;
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new Main.UsageException("unknown option '" + args[i] + "'");
                    }
                    words.add(args[i]);
                }
            }
        }
        return new Options(List.copyOf(words), event, kind, template, dryRun, help);
    }

    private static String value(String[] args, int i, String option, String what) {
        if (i >= args.length) {
            throw new Main.UsageException(option + " needs " + what);
        }
        return args[i];
    }

    Path requireEvent() {
        if (event == null) {
            throw new Main.UsageException("--event FILE is required");
        }
        return event;
    }
}
