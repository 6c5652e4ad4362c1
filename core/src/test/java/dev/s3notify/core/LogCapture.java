package dev.s3notify.core;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures {@link Log} lines while open. */
final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LogCapture() {
        Log.redirect(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Override
    public void close() {
        Log.redirect(System.err);
    }
}
