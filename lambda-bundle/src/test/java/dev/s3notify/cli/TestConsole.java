package dev.s3notify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command line in process and keeps what it printed. */
final class TestConsole {
    static final Path EXAMPLES = Path.of(System.getProperty("repo.root", ".."), "docs", "examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ClassLoader loader;

    TestConsole() {
        this(null);
    }

    TestConsole(ClassLoader loader) {
        this.loader = loader;
    }

    static String example(String name) {
        return EXAMPLES.resolve(name).toString();
    }

    /** Runs a command line with a fresh output and nothing on standard input. */
    int run(Map<String, String> env, String... args) {
        return run(env, new ByteArrayInputStream(new byte[0]), args);
    }

    /** Runs a command line with a fresh output and {@code in} as standard input. */
    int run(Map<String, String> env, InputStream in, String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new Console(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), loader, in));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    JsonNode json() {
        try {
            return JSON.readTree(out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
