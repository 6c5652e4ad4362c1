package dev.s3notify.core.queue;

import dev.s3notify.core.error.DeliveryException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one destination's share of one batch came to ({@link DestinationRun#run()}), every SQS message accounted
 * for.
 *
 * @param posted the messages posted
 * @param skipped the SQS message ids already delivered (or duplicates of one delivered now)
 * @param failed the SQS message ids to retry, the deferred ones included
 * @param deferred the messages rate limited: to be hidden from the queue
 * @param deferredFor how long the platform's rate keeps the deferred ones back, or null when none is
 * @param refused each message whose delivery no retry can fix, with why (for the dead-letter queue)
 * @param released the delivery keys of the claims to release (every claimed event not delivered), at the end of
 *     the invocation, all at once
 * @param held the messages waiting for the open digest window: to be hidden from the queue until it closes
 * @param heldUntil when that window closes, or null when none waits
 */
record RunResult(List<BatchOutcome.Posted> posted, List<String> skipped, List<String> failed,
        List<QueuedLink> deferred, Duration deferredFor, Map<QueuedLink, DeliveryException> refused,
        List<String> released, List<QueuedLink> held, java.time.Instant heldUntil) {

    /** Copies the collections. */
    RunResult {
        posted = List.copyOf(posted);
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
        deferred = List.copyOf(deferred);
        refused = new LinkedHashMap<>(refused);
        released = List.copyOf(released);
        held = List.copyOf(held);
    }

    /** @return the refused messages with why, in the order they were refused */
    @Override
    public Map<QueuedLink, DeliveryException> refused() {
        return new LinkedHashMap<>(refused);
    }
}
