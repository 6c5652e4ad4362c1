package dev.s3notify.cli;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.support.Log;

/**
 * What the functions' log lines look like on the command line: plain lines for people on standard error, warnings
 * and errors only unless {@code --verbose}; {@code --log-format json} writes the JSON lines they write on Lambda.
 * {@code AWS_LAMBDA_LOG_LEVEL} sets the level, as on Lambda; {@code --verbose} lowers it to INFO at most.
 */
final class Logging implements AutoCloseable {
    static final String LEVEL_VARIABLE = "AWS_LAMBDA_LOG_LEVEL";

    private Logging() {
    }

    /**
     * @param options the command line
     * @param console where lines go, and the environment
     * @return what puts the defaults back when the command is done
     * @throws ConfigurationException when {@code AWS_LAMBDA_LOG_LEVEL} names no level
     */
    static Logging configure(Options options, Console console) {
        String named = console.env().get(LEVEL_VARIABLE);
        Log.Level level;
        if (named == null || named.isBlank()) {
            level = options.logFormat().equals("json") ? Log.Level.INFO : Log.Level.WARN;
        } else {
            level = Log.Level.parse(named).orElseThrow(() -> new ConfigurationException(LEVEL_VARIABLE + "='"
                    + Main.quoted(named) + "' is not valid: expected DEBUG, INFO, WARN or ERROR"));
        }
        if (options.verbose() && level.compareTo(Log.Level.INFO) > 0) {
            level = Log.Level.INFO;
        }
        Log.configure(console.err(), options.logFormat().equals("json") ? Log.Format.JSON : Log.Format.TEXT, level);
        return new Logging();
    }

    @Override
    public void close() {
        Log.reset();
    }
}
