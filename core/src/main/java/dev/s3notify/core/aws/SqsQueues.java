package dev.s3notify.core.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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
 * A failed call throws {@link AwsCallFailed}, in words safe to log. Thread-safe.
 */
public final class SqsQueues {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 10;

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
     * @param queueArn the queue
     * @param receiptHandles the messages' receipt handles
     * @param seconds the new visibility timeout, 0 to 43,200
     * @throws AwsCallFailed when a call or an entry failed
     */
    public void changeVisibility(String queueArn, List<String> receiptHandles, int seconds) {
        String url = url(queueArn);
        for (int from = 0; from < receiptHandles.size(); from += BATCH) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(receiptHandles.size(), from + BATCH); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("m" + i)
                        .receiptHandle(receiptHandles.get(i)).visibilityTimeout(seconds).build());
            }
            ChangeMessageVisibilityBatchResponse response = call("SQS ChangeMessageVisibilityBatch",
                    () -> sqs.get().changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(entries)));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " of " + entries.size()
                        + " visibility changes failed, first: " + response.failed().get(0).code());
            }
        }
    }

    /**
     * @param queueArn the queue
     * @return the ARN of its dead-letter queue ({@code RedrivePolicy}'s {@code deadLetterTargetArn}), or empty
     *     when it has none; looked up once per queue
     * @throws AwsCallFailed when GetQueueAttributes failed (not cached: asked again next time)
     */
    public Optional<String> deadLetterQueue(String queueArn) {
        Optional<String> known = deadLetterQueues.get(queueArn);
        if (known != null) {
            return known;
        }
        String url = url(queueArn);
        String policy = call("SQS GetQueueAttributes", () -> sqs.get().getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.REDRIVE_POLICY))).attributes().get(QueueAttributeName.REDRIVE_POLICY);
        Optional<String> found = Optional.ofNullable(target(policy));
        deadLetterQueues.put(queueArn, found);
        return found;
    }

    /**
     * @param queueArn the queue to send to
     * @param body the message body
     * @param attributes its message attributes (at most ten)
     * @throws AwsCallFailed when SendMessage failed
     */
    public void send(String queueArn, String body, Map<String, Attribute> attributes) {
        String url = url(queueArn);
        Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
        attributes.forEach((name, a) -> values.put(name, MessageAttributeValue.builder().dataType(a.dataType())
                .stringValue(a.stringValue())
                .binaryValue(a.binaryValue() == null ? null : SdkBytes.fromByteArray(a.binaryValue())).build()));
        call("SQS SendMessage", () -> sqs.get().sendMessage(b -> b.queueUrl(url).messageBody(body)
                .messageAttributes(values)));
    }

    /**
     * @param arn {@code arn:aws:sqs:REGION:ACCOUNT:NAME}
     * @return the queue's name, the last part of its ARN
     */
    public static String name(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    private String url(String arn) {
        return urls.computeIfAbsent(arn, this::lookUp);
    }

    /** {@code arn:aws:sqs:REGION:ACCOUNT:NAME} → the queue's URL. */
    private String lookUp(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !"sqs".equals(parts[2])) {
            throw new IllegalArgumentException("not an SQS queue ARN: " + AwsErrors.safe(arn));
        }
        return call("SQS GetQueueUrl", () -> sqs.get().getQueueUrl(b -> b.queueName(parts[5])
                .queueOwnerAWSAccountId(parts[4])).queueUrl());
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

    private static <T> T call(String name, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new AwsCallFailed(name, e);
        } catch (java.io.UncheckedIOException e) {
            throw new AwsCallFailed(name, AwsErrors.cutOff(e));
        }
    }
}
