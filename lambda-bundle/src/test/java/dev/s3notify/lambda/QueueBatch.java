package dev.s3notify.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * SQS batches of {@code file-link-generated} events shaped as docs/examples/link-events/sqs-batch.json, as many as
 * a test needs, and what the dispatcher answered and logged for one.
 */
final class QueueBatch {
    static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:s3-notify-LinkEventQueue";
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueBatch() {
    }

    /**
     * @param count how many messages, each its own event and file
     * @param queueOf each message's queue ARN by index
     * @param receiptOf each message's receipt handle by index
     * @return the batch, messages {@code m-0}, {@code m-1}, ...
     */
    static byte[] of(int count, IntFunction<String> queueOf, IntFunction<String> receiptOf) {
        try {
            JsonNode example = JSON.readTree(Files.readAllBytes(
                    HostileCorpus.EXAMPLES.resolve("link-events/sqs-batch.json")));
            ObjectNode first = (ObjectNode) example.get("Records").get(0);
            ObjectNode root = JSON.createObjectNode();
            ArrayNode records = root.putArray("Records");
            for (int i = 0; i < count; i++) {
                ObjectNode record = first.deepCopy();
                ObjectNode body = (ObjectNode) JSON.readTree(first.get("body").asText());
                body.put("id", String.format("0c9f9e2a-3c1d-4b8e-9f7a-%012d", i));
                ObjectNode detail = (ObjectNode) body.get("detail");
                detail.put("fileName", "file-" + i + ".pdf");
                detail.put("key", "reports/file-" + i + ".pdf");
                detail.put("fileUrl", detail.get("fileUrl").asText().replace("quarterly-report", "file-" + i));
                // Links that work for a day from now: an expired one gets no index page, by design.
                detail.put("expiresAt", java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString());
                detail.put("sourceEventId", String.format("17793124-05d4-b198-2fde-%012d", i));
                record.put("messageId", "m-" + i);
                record.put("receiptHandle", receiptOf.apply(i));
                record.put("eventSourceARN", queueOf.apply(i));
                record.put("body", JSON.writeValueAsString(body));
                records.add(record);
            }
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a batch of {@code count} messages from one queue */
    static byte[] of(int count) {
        return of(count, i -> QUEUE, i -> "AQEB-receipt-" + i);
    }

    /**
     * @param aws the stand-in
     * @return the dispatcher as the template deploys it (delivery records, index pages, the queue path), sending to
     *     a generic webhook on the stand-in, one attempt per message
     */
    static WebhookDispatcherHandler dispatcher(FaultyAws aws) {
        java.util.Map<String, String> env = aws.dispatcherEnvironment();
        env.put("MAX_ATTEMPTS", "1");
        return new WebhookDispatcherHandler(env, dev.s3notify.core.function.DispatchFunction.Overrides.none());
    }

    /**
     * What one invocation came to.
     *
     * @param failures the batch item failures' message ids
     * @param millis how long the handler took to return
     * @param log what it printed on stderr and in its log lines
     */
    record Answer(List<String> failures, long millis, String log) {
        List<String> errors() {
            return log.lines().filter(line -> line.contains("\"level\":\"ERROR\"")).toList();
        }
    }

    /**
     * @param handler the dispatcher
     * @param batch the batch
     * @param remainingMillis the invocation's time
     * @return what it answered and logged
     */
    static Answer invoke(WebhookDispatcherHandler handler, byte[] batch, long remainingMillis) throws IOException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        dev.s3notify.core.support.Log.redirect(capture);
        System.setErr(capture);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try {
            handler.handleRequest(new java.io.ByteArrayInputStream(batch), out, new TestContext(remainingMillis));
        } finally {
            System.setErr(err);
            dev.s3notify.core.support.Log.redirect(err);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> failures = new ArrayList<>();
        JSON.readTree(out.toByteArray()).path("batchItemFailures")
                .forEach(f -> failures.add(f.path("itemIdentifier").asText()));
        return new Answer(failures, millis, captured.toString(StandardCharsets.UTF_8));
    }

    /** @return the message ids {@code m-from} to {@code m-(to-1)} */
    static List<String> ids(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add("m-" + i);
        }
        return ids;
    }
}
