package dev.s3notify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.plugins.Plugins;
import dev.s3notify.core.support.Json;
import dev.s3notify.core.support.Log;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a command works with: the environment (its configuration, read once in {@code main}), where results go,
 * where messages for people go, where plugins are looked for, and standard input ({@code --event -}). With
 * {@code --log-format json} every line it prints is one JSON object: results compact on standard output, the
 * command line's own messages as log lines beside the functions' ({@link #say}).
 *
 * @param env the environment
 * @param out results (JSON or the bodies asked for)
 * @param err messages for people, and the functions' log lines
 * @param loader where formatters and link generators are looked for, or null for the functions' default
 * @param in standard input
 * @param jsonLines whether every line printed is JSON ({@code --log-format json})
 */
record Console(Map<String, String> env, PrintStream out, PrintStream err, ClassLoader loader, InputStream in,
        boolean jsonLines) {
    private static final ObjectMapper MAPPER = Json.MAPPER;
    private static final String PREFIX = "s3notify: ";

    /** A console that prints plain lines. */
    Console(Map<String, String> env, PrintStream out, PrintStream err, ClassLoader loader, InputStream in) {
        this(env, out, err, loader, in, false);
    }

    /** A console whose standard input is empty. */
    Console(Map<String, String> env, PrintStream out, PrintStream err, ClassLoader loader) {
        this(env, out, err, loader, new ByteArrayInputStream(new byte[0]));
    }

    /** @return the same console, printing JSON lines or plain ones */
    Console withJsonLines(boolean json) {
        return json == jsonLines ? this : new Console(env, out, err, loader, in, json);
    }

    /**
     * A message of the command line's own on standard error: the line as it is, or in JSON lines a log line
     * ({@code timestamp}, {@code level}, {@code logger} s3notify, {@code message}, and {@code details} when given),
     * written only when {@code AWS_LAMBDA_LOG_LEVEL} lets lines of that level through, as the functions' are.
     *
     * @param level how much it weighs
     * @param line the message, {@code s3notify: } first
     * @param details more lines for people (each printed indented after it), or in JSON an array
     */
    void say(Log.Level level, String line, List<String> details) {
        if (!jsonLines) {
            err.println(line);
            details.forEach(detail -> err.println("  - " + detail));
            return;
        }
        if (!Log.enabled(level)) {
            return;
        }
        ObjectNode node = MAPPER.createObjectNode().put("timestamp", Instant.now().toString())
                .put("level", level.name()).put("logger", "s3notify")
                .put("message", line.startsWith(PREFIX) ? line.substring(PREFIX.length()) : line);
        if (!details.isEmpty()) {
            details.forEach(node.putArray("details")::add);
        }
        err.println(node);
    }

    /** @see #say(Log.Level, String, List) */
    void say(Log.Level level, String line) {
        say(level, line, List.of());
    }

    /** @param result the command's result on standard output: indented for people, or one JSON line */
    void result(JsonNode result) {
        out.println(jsonLines ? result.toString() : result.toPrettyString());
    }

    /**
     * @param field what the text is ({@code help}, {@code version}, {@code body})
     * @param text text for standard output: as it is, or in JSON lines as {@code {"field": text}}
     */
    void text(String field, String text) {
        if (jsonLines) {
            out.println(MAPPER.createObjectNode().put(field.toLowerCase(Locale.ROOT), text));
        } else {
            out.print(text);
        }
    }

    /**
     * @return the loader {@code kinds} lists providers from: the one the functions use when none is given, with
     *     the plugin jars ({@code S3NOTIFY_PLUGINS_DIR}, Lambda layers)
     * @throws dev.s3notify.core.error.ConfigurationException when {@code S3NOTIFY_PLUGINS_DIR} is not a directory of jars
     */
    ClassLoader registryLoader() {
        return loader != null ? loader : Plugins.classLoader(env);
    }
}
