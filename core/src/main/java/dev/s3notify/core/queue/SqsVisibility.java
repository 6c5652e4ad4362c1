package dev.s3notify.core.queue;

import dev.s3notify.core.aws.SqsQueues;
import dev.s3notify.core.pacing.RateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes the visibility timeout of messages in their SQS queue (the record's {@code eventSourceARN}), through
 * {@link SqsQueues}.
 */
public final class SqsVisibility implements Visibility {
    private final SqsQueues queues;

    /** @param queues the SQS calls */
    public SqsVisibility(SqsQueues queues) {
        this.queues = queues;
    }

    @Override
    public void defer(List<QueuedLink> links, Duration timeout) {
        int seconds = RateLimitedException.visibilitySeconds(timeout);
        Map<String, List<String>> byQueue = new LinkedHashMap<>();
        links.stream().filter(l -> l.queueArn() != null && l.receiptHandle() != null)
                .forEach(l -> byQueue.computeIfAbsent(l.queueArn(), k -> new ArrayList<>()).add(l.receiptHandle()));
        byQueue.forEach((queue, handles) -> queues.changeVisibility(queue, handles, seconds));
    }
}
