package dev.s3notify.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options after the command: positional words, {@code --event FILE}, {@code --dry-run}, {@code --help}. */
record Options(List<String> words, Path event, boolean dryRun, boolean help) {

    static Options parse(String[] args) {
        List<String> words = new ArrayList<>();
        Path event = null;
        boolean dryRun = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--event" -> {
                    if (i + 1 >= args.length) {
                        throw new Main.UsageException("--event needs a file name");
                    }
                    event = Path.of(args[++i]);
                }
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
        return new Options(List.copyOf(words), event, dryRun, help);
    }

    Path requireEvent() {
        if (event == null) {
            throw new Main.UsageException("--event FILE is required");
        }
        return event;
    }
}
