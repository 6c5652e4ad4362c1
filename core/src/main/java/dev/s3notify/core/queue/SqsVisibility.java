package dev.s3notify.core.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;

/**
 * Changes the visibility timeout of messages in their SQS queue (found from the record's {@code eventSourceARN}
 * with GetQueueUrl, once per queue), ten per ChangeMessageVisibilityBatch call.
 */
public final class SqsVisibility implements Visibility {
    private final Supplier<SqsClient> sqs;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    public SqsVisibility(Supplier<SqsClient> sqs) {
        this.sqs = sqs;
    }

    @Override
    public void defer(List<QueuedLink> links, Duration timeout) {
        int seconds = (int) Math.min(43_200, Math.max(0, (timeout.toMillis() + 999) / 1000));
        Map<String, List<QueuedLink>> byQueue = new LinkedHashMap<>();
        links.stream().filter(l -> l.queueArn() != null && l.receiptHandle() != null)
                .forEach(l -> byQueue.computeIfAbsent(l.queueArn(), k -> new ArrayList<>()).add(l));
        for (Map.Entry<String, List<QueuedLink>> queue : byQueue.entrySet()) {
            String url = queueUrls.computeIfAbsent(queue.getKey(), this::queueUrl);
            List<QueuedLink> all = queue.getValue();
            for (int from = 0; from < all.size(); from += 10) {
                List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
                for (int i = from; i < Math.min(all.size(), from + 10); i++) {
                    entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("m" + i)
                            .receiptHandle(all.get(i).receiptHandle()).visibilityTimeout(seconds).build());
                }
                ChangeMessageVisibilityBatchResponse response = sqs.get().changeMessageVisibilityBatch(b -> b
                        .queueUrl(url).entries(entries));
                if (response.hasFailed() && !response.failed().isEmpty()) {
                    throw new IllegalStateException(response.failed().size() + " of " + entries.size()
                            + " visibility changes failed, first: " + response.failed().get(0).code());
                }
            }
        }
    }

    /** {@code arn:aws:sqs:REGION:ACCOUNT:NAME} → the queue's URL. */
    private String queueUrl(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !"sqs".equals(parts[2])) {
            throw new IllegalArgumentException("not an SQS queue ARN: " + arn);
        }
        return sqs.get().getQueueUrl(b -> b.queueName(parts[5]).queueOwnerAWSAccountId(parts[4])).queueUrl();
    }
}
