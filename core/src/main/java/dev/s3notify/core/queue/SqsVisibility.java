package dev.s3notify.core.queue;

import dev.s3notify.core.aws.SqsQueues;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.pacing.RateLimitedException;
import dev.s3notify.core.support.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Changes the visibility timeout of messages in their SQS queue (the record's {@code eventSourceARN}), through
 * {@link SqsQueues}: ChangeMessageVisibilityBatch calls of {@value SqsQueues#BATCH}, {@link Parallel#CALLS} at once,
 * none waited for past the deadline. Every call stands alone: a queue that is missing, or an entry SQS refuses (a
 * receipt handle it does not take), fails only its own messages. Each failing queue is said once, at WARN.
 */
public final class SqsVisibility implements Visibility {
    private static final Log LOG = Log.of(SqsVisibility.class);

    private final SqsQueues queues;

    /** @param queues the SQS calls */
    public SqsVisibility(SqsQueues queues) {
        this.queues = queues;
    }

    /** Up to ten receipt handles of one queue: one call. */
    private record Chunk(String queue, List<String> handles) {
    }

    @Override
    public Failures defer(List<QueuedLink> links, Duration timeout, Instant deadline) {
        int seconds = RateLimitedException.visibilitySeconds(timeout);
        Map<String, List<String>> byQueue = new LinkedHashMap<>();
        links.stream().filter(l -> l.queueArn() != null && l.receiptHandle() != null)
                .forEach(l -> byQueue.computeIfAbsent(l.queueArn(), k -> new ArrayList<>()).add(l.receiptHandle()));
        List<Chunk> chunks = new ArrayList<>();
        byQueue.forEach((queue, handles) -> {
            for (int from = 0; from < handles.size(); from += SqsQueues.BATCH) {
                chunks.add(new Chunk(queue, handles.subList(from, Math.min(handles.size(), from + SqsQueues.BATCH))));
            }
        });
        Map<Chunk, Failures> answered = new ConcurrentHashMap<>();
        Parallel.run(chunks, chunk -> answered.put(chunk, change(chunk, seconds, deadline)), deadline);
        Map<String, Failures> failed = new LinkedHashMap<>();
        for (Chunk chunk : chunks) {
            // A call not answered by the deadline left no answer: its messages were not hidden.
            Failures lost = answered.getOrDefault(chunk, new Failures(chunk.handles().size(), new S3NotifyException(
                    "SQS ChangeMessageVisibilityBatch: no answer before the invocation's deadline")));
            failed.merge(chunk.queue(), lost, Failures::plus);
        }
        Failures all = Failures.NONE;
        for (Map.Entry<String, Failures> queue : failed.entrySet()) {
            Failures lost = queue.getValue();
            if (lost.any()) {
                LOG.warn("visibility of rate-limited messages not changed: they come back after the queue's own"
                        + " visibility timeout", "queue", SqsQueues.name(queue.getKey()), "messages", lost.count(),
                        "of", byQueue.get(queue.getKey()).size(), "error", DestinationRun.describe(lost.first()));
            }
            all = all.plus(lost);
        }
        return all;
    }

    /** One call; its failure, or its refused entries, counted for its queue. */
    private Failures change(Chunk chunk, int seconds, Instant deadline) {
        try {
            List<String> refused = queues.changeVisibility(chunk.queue(), chunk.handles(), seconds, deadline);
            return refused.isEmpty() ? Failures.NONE : new Failures(refused.size(), new S3NotifyException(
                    "SQS ChangeMessageVisibilityBatch on queue " + SqsQueues.name(chunk.queue()) + ": "
                    + refused.size() + " of " + chunk.handles().size() + " entries refused: "
                    + String.join(", ", refused.stream().distinct().toList())));
        } catch (RuntimeException e) {
            return new Failures(chunk.handles().size(), e);
        }
    }
}
