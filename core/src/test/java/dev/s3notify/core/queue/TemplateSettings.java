package dev.s3notify.core.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The queue path's settings as the SAM template deploys them: its parameters' defaults. */
record TemplateSettings(int windowSeconds, int batchSize, int concurrency, int visibilityTimeout,
        int maxReceiveCount, int functionTimeout) {

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
                parameter(text, "QueueMaxReceiveCount"), parameter(text, "WebhookDispatcherTimeout"));
    }

    private static int parameter(String template, String name) {
        Matcher m = Pattern.compile("\\n  " + name + ":\\n(?:    .*\\n)*?    Default: (\\d+)\\n").matcher(template);
        if (!m.find()) {
            throw new IllegalStateException("template.yaml has no numeric default for parameter " + name);
        }
        return Integer.parseInt(m.group(1));
    }
}
