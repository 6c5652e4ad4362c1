package dev.s3notify.core.testing;

import dev.s3notify.core.support.Log;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures {@link Log} lines while open. */
public final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public LogCapture() {
        Log.redirect(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    public List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Override
    public void close() {
        Log.redirect(System.err);
    }
}
