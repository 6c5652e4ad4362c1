package dev.s3notify.core.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.support.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The queue path's SQS calls, by queue ARN (the records' {@code eventSourceARN}): visibility changes, ten per
 * ChangeMessageVisibilityBatch call; the queue's dead-letter queue, read from its {@code RedrivePolicy} with
 * GetQueueAttributes; and SendMessage to it. Queue URLs and dead-letter queues are looked up once per queue.
 * Every call ends before the invocation's deadline ({@link AwsSession#within}); a failed call throws
 * {@link AwsCallFailed}, naming the call and the queue, in words safe to log. Thread-safe.
 */
public final class SqsQueues {
    private static final ObjectMapper JSON = Json.MAPPER;
    /** The most entries one ChangeMessageVisibilityBatch call takes. */
    public static final int BATCH = 10;

    private final Supplier<SqsClient> sqs;
    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> deadLetterQueues = new ConcurrentHashMap<>();

    /** @param sqs the client, made on first use */
    public SqsQueues(Supplier<SqsClient> sqs) {
        this.sqs = sqs;
    }

    /**
     * A message attribute as SQS keeps it.
     *
     * @param dataType {@code String}, {@code Number} or {@code Binary}, with an optional custom suffix
     * @param stringValue the value of a String or Number attribute, else null
     * @param binaryValue the value of a Binary attribute, else null
     */
    public record Attribute(String dataType, String stringValue, byte[] binaryValue) {
        /** @return a String attribute */
        public static Attribute string(String value) {
            return new Attribute("String", value, null);
        }
    }

    /**
     * One ChangeMessageVisibilityBatch call. SQS answers each entry on its own: a receipt handle it does not take
     * fails alone, and its code is returned rather than thrown, so that the other messages' changes stand.
     *
     * @param queueArn the queue
     * @param receiptHandles the messages' receipt handles, at most {@value #BATCH}
     * @param seconds the new visibility timeout, 0 to 43,200
     * @param deadline when the invocation ends: the call ends before it ({@link AwsSession#within})
     * @return AWS's error code for each entry that failed ({@code ReceiptHandleIsInvalid}, ...), empty when all
     *     were changed
     * @throws AwsCallFailed when the call failed as a whole (the queue missing, access denied, no answer in time)
     */
    public List<String> changeVisibility(String queueArn, List<String> receiptHandles, int seconds,
            Instant deadline) {
        if (receiptHandles.size() > BATCH) {
            throw new IllegalArgumentException("at most " + BATCH + " receipt handles per call, not "
                    + receiptHandles.size());
        }
        String url = url(queueArn, deadline);
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < receiptHandles.size(); i++) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("m" + i)
                    .receiptHandle(receiptHandles.get(i)).visibilityTimeout(seconds).build());
        }
        ChangeMessageVisibilityBatchResponse response = call("SQS ChangeMessageVisibilityBatch on queue "
                + name(queueArn), deadline, timeouts -> sqs.get().changeMessageVisibilityBatch(b -> b.queueUrl(url)
                .entries(entries).overrideConfiguration(timeouts)));
        return response.hasFailed() ? response.failed().stream().map(f -> AwsErrors.safe(f.code())).toList()
                : List.of();
    }

    /**
     * @param queueArn the queue
     * @param deadline when the invocation ends: the calls end before it
     * @return the ARN of its dead-letter queue ({@code RedrivePolicy}'s {@code deadLetterTargetArn}), or empty
     *     when it has none; looked up once per queue
     * @throws AwsCallFailed when GetQueueAttributes failed (not cached: asked again next time)
     */
    public Optional<String> deadLetterQueue(String queueArn, Instant deadline) {
        Optional<String> known = deadLetterQueues.get(queueArn);
        if (known != null) {
            return known;
        }
        String url = url(queueArn, deadline);
        String policy = call("SQS GetQueueAttributes of queue " + name(queueArn), deadline,
                timeouts -> sqs.get().getQueueAttributes(b -> b.queueUrl(url)
                        .attributeNames(QueueAttributeName.REDRIVE_POLICY).overrideConfiguration(timeouts)))
                .attributes().get(QueueAttributeName.REDRIVE_POLICY);
        Optional<String> found = Optional.ofNullable(target(policy));
        deadLetterQueues.put(queueArn, found);
        return found;
    }

    /**
     * @param queueArn the queue to send to
     * @param body the message body
     * @param attributes its message attributes (at most ten)
     * @param deadline when the invocation ends: the calls end before it
     * @throws AwsCallFailed when SendMessage failed
     */
    public void send(String queueArn, String body, Map<String, Attribute> attributes, Instant deadline) {
        String url = url(queueArn, deadline);
        Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
        attributes.forEach((name, a) -> values.put(name, MessageAttributeValue.builder().dataType(a.dataType())
                .stringValue(a.stringValue())
                .binaryValue(a.binaryValue() == null ? null : SdkBytes.fromByteArray(a.binaryValue())).build()));
        call("SQS SendMessage to queue " + name(queueArn), deadline, timeouts -> sqs.get().sendMessage(b -> b
                .queueUrl(url).messageBody(body).messageAttributes(values).overrideConfiguration(timeouts)));
    }

    /**
     * @param arn {@code arn:aws:sqs:REGION:ACCOUNT:NAME}
     * @return the queue's name, the last part of its ARN
     */
    public static String name(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    private String url(String arn, Instant deadline) {
        return urls.computeIfAbsent(arn, a -> lookUp(a, deadline));
    }

    /** {@code arn:aws:sqs:REGION:ACCOUNT:NAME} → the queue's URL. */
    private String lookUp(String arn, Instant deadline) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !"sqs".equals(parts[2])) {
            throw new IllegalArgumentException("not an SQS queue ARN: " + AwsErrors.safe(arn));
        }
        return call("SQS GetQueueUrl of queue " + parts[5], deadline, timeouts -> sqs.get().getQueueUrl(b -> b
                .queueName(parts[5]).queueOwnerAWSAccountId(parts[4]).overrideConfiguration(timeouts)).queueUrl());
    }

    private static String target(String policy) {
        if (policy == null || policy.isBlank()) {
            return null;
        }
        try {
            JsonNode arn = JSON.readTree(policy).get("deadLetterTargetArn");
            return arn != null && arn.isTextual() && !arn.asText().isBlank() ? arn.asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Runs one call within the deadline; a failure names the call and says AWS's error code. */
    private static <T> T call(String name, Instant deadline, Function<AwsRequestOverrideConfiguration, T> call) {
        AwsRequestOverrideConfiguration timeouts;
        try {
            timeouts = AwsSession.within(deadline);
        } catch (S3NotifyException e) {
            throw AwsCallFailed.of(name, e);
        }
        try {
            return call.apply(timeouts);
        } catch (SdkException e) {
            throw new AwsCallFailed(name, e);
        } catch (java.io.UncheckedIOException e) {
            throw new AwsCallFailed(name, AwsErrors.cutOff(e));
        }
    }
}
