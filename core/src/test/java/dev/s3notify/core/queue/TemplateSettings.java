package dev.s3notify.core.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The queue path's settings as the SAM template deploys them: its parameters' defaults, and the event source
 * mapping's batching window (one second while there is a digest window).
 *
 * @param windowSeconds the digest window, {@code DigestWindowSeconds} (the function's {@code DIGEST_WINDOW_SECONDS})
 * @param batchingSeconds the event source mapping's {@code MaximumBatchingWindowInSeconds}
 */
record TemplateSettings(int windowSeconds, int batchSize, int concurrency, int visibilityTimeout,
        int maxReceiveCount, int functionTimeout, int batchingSeconds) {

    static TemplateSettings read() {
        Path template = Path.of(System.getProperty("repo.root", ".."), "lambda-bundle", "template.yaml");
        String text;
        try {
            text = Files.readString(template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TemplateSettings(parameter(text, "DigestWindowSeconds"), parameter(text, "DispatchBatchSize"),
                parameter(text, "DispatchMaximumConcurrency"), parameter(text, "QueueVisibilityTimeout"),
                parameter(text, "QueueMaxReceiveCount"), parameter(text, "WebhookDispatcherTimeout"),
                batching(text));
    }

    /** The mapping's batching window while DigestWindowSeconds is not 0 (the default). */
    private static int batching(String template) {
        Matcher m = Pattern.compile("\\n      MaximumBatchingWindowInSeconds: !If \\[HasDigestWindow, (\\d+), 0\\]\\n")
                .matcher(template);
        if (!m.find()) {
            throw new IllegalStateException("template.yaml's LinkEventQueueMapping has no MaximumBatchingWindowInSeconds"
                    + " of the form !If [HasDigestWindow, <seconds>, 0]");
        }
        return Integer.parseInt(m.group(1));
    }

    private static int parameter(String template, String name) {
        Matcher m = Pattern.compile("\\n  " + name + ":\\n(?:    .*\\n)*?    Default: (\\d+)\\n").matcher(template);
        if (!m.find()) {
            throw new IllegalStateException("template.yaml has no numeric default for parameter " + name);
        }
        return Integer.parseInt(m.group(1));
    }
}
