package dev.s3notify.core.queue;

import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.support.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link DestinationRun} has come to so far, kept while it runs and handed back as a {@link RunResult}.
 * A message's fate is given to every SQS message that carried its event: a duplicate within the batch shares the
 * fate of the event's first message. Each fate but delivery releases the event's delivery record.
 */
final class RunTally {
    private static final Log LOG = Log.of(RunTally.class);

    private final DeliveryRecords records;
    private final String destinationKey;
    private final Map<String, List<QueuedLink>> byEvent;
    private final List<BatchOutcome.Posted> posted = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<QueuedLink> deferred = new ArrayList<>();
    private final Map<QueuedLink, DeliveryException> refused = new LinkedHashMap<>();
    private Duration deferredFor;
    private RuntimeException storeFailure;
    private int unclaimable;

    /**
     * @param records the delivery records, to release
     * @param destinationKey the destination's key in them
     * @param byEvent each event once (by delivery key), with every SQS message that carried it
     */
    RunTally(DeliveryRecords records, String destinationKey, Map<String, List<QueuedLink>> byEvent) {
        this.records = records;
        this.destinationKey = destinationKey;
        this.byEvent = byEvent;
    }

    void skip(List<QueuedLink> links) {
        links.forEach(link -> skipped.add(link.messageId()));
    }

    void retry(List<QueuedLink> links) {
        links.forEach(link -> failed.add(link.messageId()));
    }

    void unclaimable(List<QueuedLink> links, RuntimeException failure) {
        retry(links);
        // Said once for the whole invocation by the dispatcher, not once per message.
        storeFailure = storeFailure == null ? failure : storeFailure;
        unclaimable += links.size();
    }

    /** A message was posted: the duplicates of the events it covers are done too. */
    void posted(BatchOutcome.Posted message, List<QueuedLink> covers) {
        posted.add(message);
        covers.forEach(link -> byEvent.get(link.deliveryKey()).stream().skip(1)
                .forEach(duplicate -> skipped.add(duplicate.messageId())));
    }

    void fail(QueuedLink link) {
        release(link);
        retry(byEvent.get(link.deliveryKey()));
    }

    void refuse(QueuedLink link, DeliveryException e) {
        release(link);
        byEvent.get(link.deliveryKey()).forEach(l -> refused.put(l, e));
    }

    void defer(QueuedLink link) {
        release(link);
        byEvent.get(link.deliveryKey()).forEach(l -> {
            failed.add(l.messageId());
            deferred.add(l);
        });
    }

    /** @param wait how long the platform's rate keeps this destination's messages back; the first one counts */
    void deferFor(Duration wait) {
        deferredFor = deferredFor == null ? wait : deferredFor;
    }

    /** @return whether the platform's rate keeps this destination's remaining messages back */
    boolean deferring() {
        return deferredFor != null;
    }

    RunResult result() {
        return new RunResult(posted, skipped, failed, deferred, deferredFor, refused, storeFailure, unclaimable);
    }

    private void release(QueuedLink link) {
        try {
            records.release(destinationKey, link.deliveryKey());
        } catch (RuntimeException e) {
            // The lease lapses on its own; a retry delivers then.
            LOG.warn("delivery record not released", "eventId", link.eventId(), "error", DestinationRun.describe(e));
        }
    }
}
