package dev.s3notify.core;

import dev.s3notify.core.text.SafeText;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured logging with no dependency: one JSON object per line on standard error, which Lambda sends to
 * CloudWatch and the command line keeps apart from its output. Fields are key-value pairs (event id, bucket, key,
 * kind, status, attempt, duration). Callers pass only safe values: a host, never a webhook URL; a redacted link,
 * never a signature. As a backstop every value is passed through {@link SafeText#logValue}: signing parameters
 * redacted, control and bidi characters removed, at most {@link SafeText#LOG_VALUE_LIMIT} characters.
 */
public final class Log {
    private static volatile PrintStream out = System.err;
    private static volatile boolean debug = "DEBUG".equalsIgnoreCase(System.getenv("AWS_LAMBDA_LOG_LEVEL"));

    private final String logger;

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

    /** @param enabled whether debug lines are written */
    public static void debugEnabled(boolean enabled) {
        debug = enabled;
    }

    /**
     * @param message a short fixed text, such as {@code "link published"}
     * @param keyValues alternating keys and values
     */
    public void info(String message, Object... keyValues) {
        write("INFO", message, keyValues);
    }

    /**
     * @param message a short fixed text
     * @param keyValues alternating keys and values
     */
    public void warn(String message, Object... keyValues) {
        write("WARN", message, keyValues);
    }

    /**
     * @param message a short fixed text
     * @param keyValues alternating keys and values
     */
    public void error(String message, Object... keyValues) {
        write("ERROR", message, keyValues);
    }

    /**
     * @param message a short fixed text
     * @param keyValues alternating keys and values
     */
    public void debug(String message, Object... keyValues) {
        if (debug) {
            write("DEBUG", message, keyValues);
        }
    }

    private void write(String level, String message, Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("timestamp", Instant.now().toString());
        fields.put("level", level);
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
