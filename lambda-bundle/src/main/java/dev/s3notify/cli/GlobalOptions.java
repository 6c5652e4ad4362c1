package dev.s3notify.cli;

import java.util.ArrayList;
import java.util.List;

/** Lets the options every command takes come before the command too: {@code s3notify --verbose run ...}. */
final class GlobalOptions {
    private GlobalOptions() {
    }

    /**
     * @param args the command line
     * @return the same words with the global options that came before the command moved after it, where the
     *     command's own parser reads them (and refuses one given twice)
     */
    static String[] afterCommand(String[] args) {
        List<String> leading = new ArrayList<>();
        int i = 0;
        while (i < args.length && Options.GLOBAL.contains(args[i].split("=", 2)[0])) {
            leading.add(args[i]);
            if (Options.WITH_VALUE.contains(args[i]) && i + 1 < args.length) {
                leading.add(args[++i]);
            }
            i++;
        }
        if (leading.isEmpty() || i >= args.length) {
            return args;
        }
        List<String> line = new ArrayList<>();
        line.add(args[i]);
        line.addAll(leading);
        line.addAll(List.of(args).subList(i + 1, args.length));
        return line.toArray(String[]::new);
    }

    /**
     * @param args the command line
     * @return whether it asks for JSON lines ({@code --log-format json}, anywhere, even on a line that is wrong
     *     otherwise: its usage error is then a JSON line too)
     */
    static boolean jsonLines(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--log-format=json")) {
                return true;
            }
            if (Options.WITH_VALUE.contains(args[i]) && i + 1 < args.length) {
                if (args[i].equals("--log-format") && args[i + 1].equals("json")) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }
}
