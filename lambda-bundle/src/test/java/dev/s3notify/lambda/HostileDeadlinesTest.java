package dev.s3notify.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.lambda.FaultyAws.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The queue path's promises under AWS calls that never answer or answer slowly, through the real dispatcher with
 * delivery records and index pages on a loopback stand-in ({@link FaultyAws}): the handler answers before the
 * invocation's deadline (here 8 s, where Lambda would kill it), with every message not delivered among the batch
 * item failures and nothing posted that was not; and one queue that fails does not keep the other queues' messages
 * of the batch from being hidden. Timings are bounds with room for a loaded machine, not measurements.
 */
class HostileDeadlinesTest {
    private static final long DEADLINE_MS = 8_000;
    private static final String OTHER_QUEUE = "arn:aws:sqs:us-east-1:123456789012:s3-notify-OtherQueue";

    /**
     * @param operation what never answers
     * @param asked the operation that must have been asked (for {@code Service.*}, one of them)
     * @param messages how many messages the batch has
     * @param webhook what the webhook answers: 204, 429 (rate limited: the messages are hidden from the queue) or
     *     404 (gone: they go to the dead-letter queue)
     * @param posts how many messages reach the webhook
     */
    @ParameterizedTest(name = "{0} never answering")
    @CsvSource({
        "DynamoDB.*, DynamoDB.PutItem, 3, 204, 0",
        "SQS.ChangeMessageVisibilityBatch, SQS.ChangeMessageVisibilityBatch, 3, 429, 1",
        "SQS.SendMessage, SQS.SendMessage, 3, 404, 1"})
    void answersBeforeTheDeadlineWithEveryMessageForRetry(String operation, String asked, int messages, int webhook,
            int posts) throws Exception {
        try (FaultyAws aws = new FaultyAws().fail(operation, Fault.NOT_ANSWERING).webhookAnswers(webhook, "120")) {
            QueueBatch.Answer answer = QueueBatch.invoke(QueueBatch.dispatcher(aws), QueueBatch.of(messages),
                    DEADLINE_MS);

            System.out.printf("deadlines: %s not answering: returned after %d ms of %d%n", operation,
                    answer.millis(), DEADLINE_MS);
            assertThat(aws.count(asked)).isPositive();
            assertThat(answer.millis()).as(answer.log()).isLessThan(DEADLINE_MS);
            assertThat(answer.failures()).containsExactlyInAnyOrderElementsOf(QueueBatch.ids(0, messages));
            assertThat(aws.count("Webhook.POST")).isEqualTo(posts);
        }
    }

    @Test
    void neverLosesNorDoublesAFileWhenTheIndexPutNeverAnswers() throws Exception {
        // 600 files are more than a generic digest carries, so the digest needs an index page. The PUT is abandoned
        // within the deadline; what time is left goes to split messages that carry their own links, and what it
        // does not reach is reported for retry: how far it gets depends on the machine, the promise does not.
        try (FaultyAws aws = new FaultyAws().fail("S3.PutObject", Fault.NOT_ANSWERING)) {
            QueueBatch.Answer answer = QueueBatch.invoke(QueueBatch.dispatcher(aws), QueueBatch.of(600), DEADLINE_MS);

            String posted = aws.requests().stream().filter(r -> r.service().equals("Webhook"))
                    .map(FaultyAws.Request::body).collect(java.util.stream.Collectors.joining("\n"));
            System.out.printf("deadlines: S3.PutObject not answering: returned after %d ms of %d, %d messages posted,"
                    + " %d files reported for retry%n", answer.millis(), DEADLINE_MS, aws.count("Webhook.POST"),
                    answer.failures().size());
            assertThat(aws.count("S3.PutObject")).isPositive();
            assertThat(answer.millis()).as(answer.log()).isLessThan(DEADLINE_MS);
            assertThat(answer.log()).contains("index page not written");
            for (int i = 0; i < 600; i++) {
                boolean sent = posted.contains("\"file-" + i + ".pdf\"");
                assertThat(answer.failures().contains("m-" + i)).as("m-%d reported for retry, or posted once", i)
                        .isNotEqualTo(sent);
            }
        }
    }

    @Test
    void hidesATwoThousandMessageBatchAndReleasesItsClaimsBeforeTheDeadline() throws Exception {
        // Every DynamoDB and SQS call takes 25 ms, as from a Lambda to its region under load; the webhook is rate
        // limiting, so each file is released and hidden from the queue for the webhook's wait.
        try (FaultyAws aws = new FaultyAws().delay("DynamoDB.*", Duration.ofMillis(25))
                .delay("SQS.*", Duration.ofMillis(25)).webhookAnswers(429, "120")) {
            long deadline = 20_000;
            QueueBatch.Answer answer = QueueBatch.invoke(QueueBatch.dispatcher(aws), QueueBatch.of(2_000), deadline);

            System.out.printf("deadlines: 2,000-message batch, webhook rate limiting: returned after %d ms of %d;"
                    + " %d release transactions, %d visibility calls%n", answer.millis(), deadline,
                    aws.count("DynamoDB.TransactWriteItems"), aws.count("SQS.ChangeMessageVisibilityBatch"));
            System.out.println("deadlines: 2,000-message batch, calls by operation: " + phases(aws));
            assertThat(answer.millis()).as(answer.log()).isLessThan(deadline);
            assertThat(answer.failures()).hasSize(2_000);
            assertThat(aws.count("SQS.ChangeMessageVisibilityBatch")).isEqualTo(200);
            // Two thousand claims released in twenty transactions of a hundred.
            assertThat(aws.count("DynamoDB.TransactWriteItems")).isEqualTo(20);
        }
    }

    @Test
    void hidesTheOtherQueuesMessagesWhenOneQueueIsMissing() throws Exception {
        try (FaultyAws aws = new FaultyAws().missingQueue("s3-notify-LinkEventQueue").webhookAnswers(429, "120")) {
            QueueBatch.Answer answer = QueueBatch.invoke(QueueBatch.dispatcher(aws), QueueBatch.of(6,
                    i -> i < 3 ? QueueBatch.QUEUE : OTHER_QUEUE, i -> "AQEB-receipt-" + i), DEADLINE_MS);

            assertThat(answer.failures()).containsExactlyInAnyOrderElementsOf(QueueBatch.ids(0, 6));
            assertThat(changedHandles(aws)).as(answer.log())
                    .contains("AQEB-receipt-3", "AQEB-receipt-4", "AQEB-receipt-5");
            assertThat(answer.log()).contains("s3-notify-LinkEventQueue");
        }
    }

    @Test
    void hidesTheOtherQueuesMessagesWhenOneReceiptHandleIsBogus() throws Exception {
        try (FaultyAws aws = new FaultyAws().webhookAnswers(429, "120")) {
            QueueBatch.Answer answer = QueueBatch.invoke(QueueBatch.dispatcher(aws), QueueBatch.of(6,
                    i -> i < 3 ? QueueBatch.QUEUE : OTHER_QUEUE, i -> i == 0 ? "bogus-0" : "AQEB-receipt-" + i),
                    DEADLINE_MS);

            assertThat(answer.failures()).containsExactlyInAnyOrderElementsOf(QueueBatch.ids(0, 6));
            assertThat(changedHandles(aws)).as(answer.log())
                    .contains("AQEB-receipt-1", "AQEB-receipt-2", "AQEB-receipt-3", "AQEB-receipt-4",
                            "AQEB-receipt-5");
            assertThat(answer.log()).contains("ReceiptHandleIsInvalid").doesNotContain("Exception");
        }
    }

    /** Each operation's count and when its first and last requests came, in ms from the first request. */
    private static String phases(FaultyAws aws) {
        List<FaultyAws.Request> all = aws.requests();
        long start = all.get(0).atNanos();
        Map<String, long[]> by = new java.util.LinkedHashMap<>();
        for (FaultyAws.Request r : all) {
            long at = (r.atNanos() - start) / 1_000_000;
            by.merge(r.service() + "." + r.operation(), new long[] {1, at, at},
                    (a, b) -> new long[] {a[0] + 1, Math.min(a[1], b[1]), Math.max(a[2], b[2])});
        }
        StringBuilder text = new StringBuilder();
        by.forEach((op, a) -> text.append(op).append(' ').append(a[0]).append(" at ").append(a[1]).append('-')
                .append(a[2]).append(" ms; "));
        return text.toString();
    }

    /** The receipt handles of every ChangeMessageVisibilityBatch request the stand-in answered. */
    private static List<String> changedHandles(FaultyAws aws) {
        return aws.requests().stream().filter(r -> r.operation().equals("ChangeMessageVisibilityBatch"))
                .flatMap(r -> java.util.regex.Pattern.compile("\"ReceiptHandle\"\\s*:\\s*\"([^\"]+)\"")
                        .matcher(r.body()).results().map(m -> m.group(1)))
                .toList();
    }
}
