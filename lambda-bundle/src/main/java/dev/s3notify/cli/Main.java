package dev.s3notify.cli;

import dev.s3notify.core.ConfigurationException;
import dev.s3notify.core.S3NotifyException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The {@code s3notify} command line: runs the real handlers on local files. Output goes to standard output,
 * logs to standard error. Exit codes: 0 success, 1 the work failed, 2 bad usage or configuration.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: s3notify <command> [options]

            commands:
              invoke link-generator --event FILE [--dry-run]
                  run the link-generator handler as Lambda would, on the event in FILE (any S3 event shape:
                  EventBridge, S3 notification, SQS, SNS); print what was published to EventBridge as JSON.
                  --dry-run publishes nothing and prints what would be published; without AWS credentials it
                  signs links with placeholder keys (the links will not work).
              invoke webhook-dispatcher --event FILE [--kind K] [--template T]
                  run the webhook-dispatcher handler on the file-link-generated event in FILE (EventBridge event,
                  SQS batch of them, or the old system's detail) and post to WEBHOOK_URL; print what was delivered.
              preview --event FILE [--kind K] [--template T]
                  print the exact body the dispatcher would post, one per line, sending nothing. FILE may hold an
                  S3 event (it goes through a link-generator dry run first) or a file-link-generated event.
                  --kind picks the formatter (else WEBHOOK_KIND, else inferred from WEBHOOK_URL); --template
                  replaces MESSAGE_TEMPLATE.

            Configuration comes from the environment, as in Lambda (see the README's variable table).
            Exit codes: 0 success, 1 the invocation failed (or a message was not delivered), 2 bad usage or
            configuration.
            """;

    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * @param args the command line
     * @param env the environment, the configuration
     * @param out where results go
     * @param err where errors go
     * @return the exit code
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        try {
            Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
            if (options.help()) {
                out.print(USAGE_TEXT);
                return OK;
            }
            return switch (args[0]) {
                case "invoke" -> new InvokeCommand(env, out).run(options);
                case "preview" -> new PreviewCommand(env, out).run(options);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("s3notify: " + e.getMessage() + "\n\n" + USAGE_TEXT);
            return USAGE;
        } catch (ConfigurationException e) {
            err.println("s3notify: " + e.getMessage());
            return USAGE;
        } catch (S3NotifyException e) {
            err.println("s3notify: failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** The command line is wrong: exit 2 with the usage text. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
