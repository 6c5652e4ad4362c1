package dev.s3notify.core.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a burst of uploads to one rate-limited webhook cost through the queue path, beside the ideal its limits
 * allow: with digests, one message per batch, sent when the batching window closes (at once when the batch fills),
 * paced at the platform's rate; without them, one message per upload paced at that rate. benchmarks/run reads
 * these figures from {@link #FILE} (docs/performance.md).
 */
record BurstFigures(int uploads, int requests, Duration per, TemplateSettings template, int messages, int tooMany,
        double lastDeliverySeconds, double lambdaSeconds, int invocations, int deadLettered) {

    /** Where the figures go, in core's build directory (surefire runs tests in core/). */
    static final Path FILE = Path.of("target", "burst-figures.json");

    /** @return the fewest messages a digest allows: one per batch */
    int idealMessages() {
        return (uploads + template.batchSize() - 1) / template.batchSize();
    }

    /**
     * @return the soonest the last message can go: when the last batch closes (the event source mapping's batching
     *     window: the first batch for a destination opens its digest window and goes at once), or the rate lets it
     *     through
     */
    double idealSeconds() {
        double window = uploads % template.batchSize() == 0 ? 0 : template.batchingSeconds();
        return Math.max(window, paced(idealMessages()));
    }

    /** @return the soonest the last of n messages can go at the platform's rate, the first n at once */
    double paced(int n) {
        return (double) ((n + requests - 1) / requests - 1) * per.toMillis() / 1000.0;
    }

    /** Writes the figures as JSON to {@link #FILE}, beside the lone upload's if they are there. */
    void write() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("uploads", uploads);
        doc.put("platform", Map.of("requests", requests, "perSeconds", per.toMillis() / 1000.0));
        doc.put("template", Map.of("windowSeconds", template.windowSeconds(), "batchSize", template.batchSize(),
                "concurrency", template.concurrency(), "visibilityTimeout", template.visibilityTimeout(),
                "maxReceiveCount", template.maxReceiveCount(), "batchingSeconds", template.batchingSeconds()));
        doc.put("measured", map(messages, tooMany, lastDeliverySeconds, lambdaSeconds, deadLettered, invocations));
        doc.put("idealDigest", map(idealMessages(), 0, idealSeconds(), null, 0, null));
        doc.put("idealPerUpload", map(uploads, 0, paced(uploads), null, 0, null));
        merge(doc);
    }

    /**
     * Adds figures to those in {@link #FILE}, so that the burst's and the lone upload's, written by two tests in
     * either order, end up side by side.
     *
     * @param figures the top-level entries to put
     */
    @SuppressWarnings("unchecked")
    static synchronized void merge(Map<String, Object> figures) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            Map<String, Object> doc = java.nio.file.Files.isRegularFile(FILE)
                    ? json.readValue(FILE.toFile(), LinkedHashMap.class) : new LinkedHashMap<>();
            doc.putAll(figures);
            json.writeValue(FILE.toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the queue simulation's figures to " + FILE.toAbsolutePath(),
                    e);
        }
    }

    private static Map<String, Object> map(int messages, int tooMany, double last, Double lambda, int deadLettered,
            Integer invocations) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messages", messages);
        m.put("tooMany", tooMany);
        m.put("lastDeliverySeconds", last);
        m.put("lambdaSeconds", lambda);
        m.put("deadLettered", deadLettered);
        m.put("invocations", invocations);
        return m;
    }
}
