package dev.s3notify.core;

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
}
