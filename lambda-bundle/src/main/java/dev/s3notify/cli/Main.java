package dev.s3notify.cli;

import dev.s3notify.core.support.Log;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.support.ErrorWords;
import dev.s3notify.core.text.Suggestions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code s3notify} command line: runs the real pipelines on local files. Results go to standard output,
 * messages and logs to standard error. Exit codes: 0 success, 1 the work failed (a message was not delivered),
 * 2 bad usage or configuration.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final int QUOTE_LIMIT = 200;

    static final List<Command> COMMANDS = List.of(new RunCommand(), new SendTestCommand(), new KindsCommand(),
            new PreviewCommand(), new RoutesCommand(), new InvokeCommand(), new CompletionCommand());

    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * @param args the command line
     * @param env the environment, the configuration
     * @param out where results go
     * @param err where messages go
     * @return the exit code; {@code --event -} reads this process's standard input
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, new Console(env, out, err, null, System.in));
    }

    static int run(String[] args, Console plain) {
        Console console = plain.withJsonLines(GlobalOptions.jsonLines(args));
        String[] line = GlobalOptions.afterCommand(args);
        if (line.length == 0) {
            if (console.jsonLines()) {
                return usageError("no command given", null, console);
            }
            console.err().print(usage());
            return USAGE;
        }
        String name = line[0];
        String[] rest = Arrays.copyOfRange(line, 1, line.length);
        switch (name) {
            case "--help", "-h" -> {
                console.text("usage", usage());
                return OK;
            }
            case "--version" -> {
                console.text("version", "s3notify " + Version.current() + "\n");
                return OK;
            }
            case "help" -> {
                return help(rest, console);
            }
            default -> {
                Optional<Command> command = find(name);
                if (command.isEmpty()) {
                    return usageError(unknownCommand(name), null, console);
                }
                return run(command.get(), rest, console);
            }
        }
    }

    /** Runs one command, turning each kind of error into its exit code and plain words. */
    private static int run(Command command, String[] args, Console console) {
        try {
            Options options = Options.parse(args, command.options());
            if (options.help()) {
                console.text("help", command.help());
                return OK;
            }
            try (Logging logging = Logging.configure(options, console)) {
                return command.run(options, console);
            }
        } catch (UsageException e) {
            return usageError(e.getMessage(), command, console);
        } catch (ConfigurationException e) {
            boolean option = e.problems().stream().anyMatch(problem -> problem.startsWith("--"));
            console.say(Log.Level.ERROR, "s3notify: the configuration cannot work:", e.problems());
            console.say(Log.Level.INFO, "Fix the " + (option ? "options and environment variables"
                    : "environment variables") + " named above (the README's variable table lists the variables)"
                    + " and run the command again.");
            return USAGE;
        } catch (Startup.Failure e) {
            console.say(Log.Level.ERROR, "s3notify: cannot start: " + describe(e.getCause()));
            console.say(Log.Level.INFO, "This is what the function would fail its cold start with: check the"
                    + " secret or parameter named above, the AWS credentials and the AWS_ENDPOINT_URL* variables.");
            return USAGE;
        } catch (S3NotifyException e) {
            console.say(Log.Level.ERROR, "s3notify: failed: " + describe(e));
            return FAILED;
        }
    }

    private static int help(String[] args, Console console) {
        if (args.length == 0 || args[0].equals("help")) {
            console.text("usage", usage());
            return OK;
        }
        Optional<Command> command = find(args[0]);
        if (command.isEmpty()) {
            return usageError(unknownCommand(args[0]), null, console);
        }
        console.text("help", command.get().help());
        return OK;
    }

    /** The error and where the help is: the whole help text again would bury the one line that matters. */
    private static int usageError(String message, Command command, Console console) {
        console.say(Log.Level.ERROR, "s3notify: " + message);
        console.say(Log.Level.INFO, command == null ? "Run 's3notify --help' for the commands."
                : "Run 's3notify " + command.name() + " --help' for its options.");
        return USAGE;
    }

    private static Optional<Command> find(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static String unknownCommand(String name) {
        List<String> names = new ArrayList<>(COMMANDS.stream().map(Command::name).toList());
        names.add("help");
        return "unknown command '" + quoted(name) + "'" + Suggestions.didYouMean(name, names);
    }

    /** @return user input made safe to quote: control characters as '?', at most 200 characters */
    static String quoted(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= QUOTE_LIMIT ? clean : clean.substring(0, QUOTE_LIMIT) + "…";
    }

    /** @return the error's message, or the kind of failure in words: never "null", never a class name */
    static String describe(Throwable e) {
        return e instanceof S3NotifyException && e.getMessage() != null && !e.getMessage().isBlank()
                ? ErrorWords.withoutClassNames(e.getMessage()) : ErrorWords.of(e);
    }

    /** @return the top-level usage: every command's synopsis and summary */
    static String usage() {
        StringBuilder text = new StringBuilder("usage: s3notify <command> [options]\n\ncommands:\n");
        for (Command command : COMMANDS) {
            text.append("  ").append(command.name()).append(' ').append(command.synopsis()).append('\n')
                    .append("      ").append(command.summary()).append('\n');
        }
        return text.append("""
                  help [COMMAND]
                      this text, or a command's options (also: s3notify COMMAND --help)

                options every command takes:
                  --verbose            also what the functions log at INFO (what was done), not only warnings
                  --log-format json    the functions' JSON log lines, as on Lambda, instead of plain lines
                  --version            (alone) print the version

                Configuration comes from the environment, as in Lambda (see the README's variable table);
                AWS_LAMBDA_LOG_LEVEL (DEBUG, INFO, WARN, ERROR) sets which log lines are shown.
                Exit codes: 0 success, 1 the work failed (a message was not delivered), 2 bad usage or
                configuration.
                """).toString();
    }

    /** The command line is wrong: exit 2, pointing to the command's help. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
