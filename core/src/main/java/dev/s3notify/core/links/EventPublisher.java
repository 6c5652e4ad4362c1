package dev.s3notify.core.links;

import dev.s3notify.core.EventEntry;
import dev.s3notify.core.error.DeliveryException;
import java.time.Instant;
import java.util.List;

/**
 * Where link events go: EventBridge in Lambda, an in-memory list for a dry run or the one-process pipeline.
 */
public interface EventPublisher {
    /**
     * Publishes every entry or fails.
     *
     * @param entries the entries, in order
     * @throws DeliveryException naming the entries (by source event id and key) still unpublished after retries
     */
    void publish(List<EventEntry> entries);

    /**
     * Publishes every entry or fails, before the deadline. The default ignores the deadline: publishers that make
     * no remote call have nothing to bound.
     *
     * @param entries the entries, in order
     * @param deadline when the invocation ends, or null for none
     * @throws DeliveryException naming the entries still unpublished after retries, or when the deadline came first
     */
    default void publish(List<EventEntry> entries, Instant deadline) {
        publish(entries);
    }
}
