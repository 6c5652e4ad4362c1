package dev.s3notify.core.support;

import dev.s3notify.core.text.SafeText;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Structured logging with no dependency: one JSON object per line on standard error, which Lambda sends to
 * CloudWatch and the command line keeps apart from its output. Fields are key-value pairs (event id, bucket, key,
 * kind, status, attempt, duration). Callers pass only safe values: a host, never a webhook URL; a redacted link,
 * never a signature. As a backstop every value is passed through {@link SafeText#logValue}: signing parameters
 * redacted, control and bidi characters removed, at most {@link SafeText#LOG_VALUE_LIMIT} characters. Lines below
 * {@code AWS_LAMBDA_LOG_LEVEL} (INFO when unset) are dropped; the command line renders them as plain text for
 * people instead ({@link #configure}).
 */
public final class Log {
    private static volatile PrintStream out = System.err;
    private static volatile Format format = Format.JSON;
    private static volatile Level minimum = Level.fromEnvironment(System.getenv("AWS_LAMBDA_LOG_LEVEL"));

    private final String logger;

    /** How lines are written. */
    public enum Format {
        /** One JSON object per line, as Lambda's JSON log format expects. */
        JSON,
        /** {@code s3notify: warning: message (key=value, ...)}, for people at a terminal. */
        TEXT
    }

    /** How much is written: a level and every level above it. */
    public enum Level {
        /** Details for finding a fault. */
        DEBUG,
        /** What was done. */
        INFO,
        /** What may be wrong. */
        WARN,
        /** What failed. */
        ERROR;

        /**
         * @param name a level as {@code AWS_LAMBDA_LOG_LEVEL} spells it, in any case ({@code TRACE} counts as
         *     DEBUG and {@code FATAL} as ERROR)
         * @return the level, or empty when the name is not one
         */
        public static Optional<Level> parse(String name) {
            String upper = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
            return switch (upper) {
                case "TRACE", "DEBUG" -> Optional.of(DEBUG);
                case "INFO" -> Optional.of(INFO);
                case "WARN", "WARNING" -> Optional.of(WARN);
                case "ERROR", "FATAL" -> Optional.of(ERROR);
                default -> Optional.empty();
            };
        }

        static Level fromEnvironment(String name) {
            return parse(name).orElse(INFO);
        }
    }

    private Log(String logger) {
        this.logger = logger;
    }

    /**
     * @param type the class that logs
     * @return its logger
     */
    public static Log of(Class<?> type) {
        return new Log(type.getSimpleName());
    }

    /**
     * Sends every line to another stream (tests capture logs this way).
     *
     * @param stream where lines go from now on
     */
    public static void redirect(PrintStream stream) {
        out = stream;
    }

    /**
     * Where lines go, how they look and which are written, all at once (the command line's choice).
     *
     * @param stream where lines go from now on
     * @param lineFormat JSON lines or plain text
     * @param least the lowest level written
     */
    public static void configure(PrintStream stream, Format lineFormat, Level least) {
        out = stream;
        format = lineFormat;
        minimum = least;
    }

    /** Back to the defaults: JSON lines on standard error, from {@code AWS_LAMBDA_LOG_LEVEL} (INFO when unset). */
    public static void reset() {
        configure(System.err, Format.JSON, Level.fromEnvironment(System.getenv("AWS_LAMBDA_LOG_LEVEL")));
    }

    /**
     * @param level a level
     * @return whether lines of that level are written now (the command line asks before writing its own)
     */
    public static boolean enabled(Level level) {
        return level.compareTo(minimum) >= 0;
    }

    /** @param enabled whether debug lines are written */
    public static void debugEnabled(boolean enabled) {
        if (enabled) {
            minimum = Level.DEBUG;
        } else if (minimum == Level.DEBUG) {
            minimum = Level.INFO;
        }
    }

    /**
     * @param message a short fixed text, such as {@code "link published"}
     * @param keyValues alternating keys and values
     */
    public void info(String message, Object... keyValues) {
        write(Level.INFO, message, keyValues);
    }

    /**
     * @param message a short fixed text
     * @param keyValues alternating keys and values
     */
    public void warn(String message, Object... keyValues) {
        write(Level.WARN, message, keyValues);
    }

    /**
     * @param message a short fixed text
     * @param keyValues alternating keys and values
     */
    public void error(String message, Object... keyValues) {
        write(Level.ERROR, message, keyValues);
    }

    /**
     * @param message a short fixed text
     * @param keyValues alternating keys and values
     */
    public void debug(String message, Object... keyValues) {
        write(Level.DEBUG, message, keyValues);
    }

    private void write(Level level, String message, Object... keyValues) {
        if (level.compareTo(minimum) < 0) {
            return;
        }
        if (format == Format.TEXT) {
            out.println(text(level, message, keyValues));
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("timestamp", Instant.now().toString());
        fields.put("level", level.name());
        fields.put("logger", logger);
        fields.put("message", message);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            fields.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        StringBuilder line = new StringBuilder(128).append('{');
        fields.forEach((k, v) -> {
            if (line.length() > 1) {
                line.append(',');
            }
            quote(line, SafeText.logValue(k)).append(':');
            if (v == null) {
                line.append("null");
            } else if (v instanceof Number || v instanceof Boolean) {
                line.append(v);
            } else {
                quote(line, SafeText.logValue(v.toString()));
            }
        });
        out.println(line.append('}'));
    }

    /** {@code s3notify: warning: message (key=value, ...)}; null values left out, values as in JSON lines. */
    private static String text(Level level, String message, Object... keyValues) {
        StringBuilder line = new StringBuilder(128).append("s3notify: ")
                .append(level == Level.INFO ? "" : level == Level.WARN ? "warning: " : level.name().toLowerCase(
                        Locale.ROOT) + ": ").append(message);
        String separator = " (";
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                line.append(separator).append(SafeText.logValue(String.valueOf(keyValues[i]))).append('=')
                        .append(SafeText.logValue(keyValues[i + 1].toString()));
                separator = ", ";
            }
        }
        if (!separator.equals(" (")) {
            line.append(')');
        }
        return line.toString().replaceAll("\\p{Cntrl}", "?");
    }

    private static StringBuilder quote(StringBuilder line, String text) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.append('"');
    }
}
