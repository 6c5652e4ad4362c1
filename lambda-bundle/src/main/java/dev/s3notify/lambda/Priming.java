package dev.s3notify.lambda;

import dev.s3notify.core.support.ErrorWords;
import dev.s3notify.core.support.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Runs a sample event through a function's code before a SnapStart snapshot is taken, so the classes an invocation
 * uses are loaded and compiled in the snapshot instead of after every restore. Only the offline part runs (no
 * credentials, no AWS call, no webhook request). Priming only speeds things up: when it fails, the snapshot is taken
 * all the same, with a warning.
 */
final class Priming {
    private static final Log LOG = Log.of(Priming.class);

    /** An invocation's work on a sample event. */
    @FunctionalInterface
    interface Work {
        /** @throws IOException when the response cannot be written */
        void run() throws IOException;
    }

    private Priming() {
    }

    /**
     * @param name a file in {@code dev/s3notify/lambda/priming/}
     * @return its bytes
     */
    static byte[] sample(String name) {
        try (InputStream in = Priming.class.getResourceAsStream("priming/" + name)) {
            if (in == null) {
                throw new IllegalStateException("priming sample missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param function the function's name, for the log
     * @param work an invocation on a sample event, through an offline copy of the pipeline
     */
    static void run(String function, Work work) {
        long start = System.nanoTime();
        try {
            work.run();
            LOG.info("primed before snapshot", "function", function, "durationMs",
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.warn("priming failed; the snapshot is taken without it", "function", function, "error",
                    ErrorWords.of(e));
        }
    }
}
