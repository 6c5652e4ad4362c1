package dev.s3notify.core.queue;

import dev.s3notify.core.error.DeliveryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link DestinationRun} has come to so far, kept while it runs and handed back as a {@link RunResult}.
 * A message's fate is given to every SQS message that carried its event: a duplicate within the batch shares the
 * fate of the event's first message. Each fate but delivery releases the event's delivery record: the releases are
 * collected and made at the end of the invocation, all at once ({@link RunResult#released()}).
 */
final class RunTally {
    private final Map<String, List<QueuedLink>> byEvent;
    private final List<BatchOutcome.Posted> posted = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<QueuedLink> deferred = new ArrayList<>();
    private final List<QueuedLink> held = new ArrayList<>();
    private final Map<QueuedLink, DeliveryException> refused = new LinkedHashMap<>();
    private final List<String> released = new ArrayList<>();
    private Duration deferredFor;
    private java.time.Instant heldUntil;

    /** @param byEvent each event once (by delivery key), with every SQS message that carried it */
    RunTally(Map<String, List<QueuedLink>> byEvent) {
        this.byEvent = byEvent;
    }

    void skip(List<QueuedLink> links) {
        links.forEach(link -> skipped.add(link.messageId()));
    }

    void retry(List<QueuedLink> links) {
        links.forEach(link -> failed.add(link.messageId()));
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

    /**
     * A file waits for the open digest window: released, given back to the queue until the window closes.
     *
     * @param link the file
     * @param until when the window closes
     */
    void hold(QueuedLink link, java.time.Instant until) {
        release(link);
        heldUntil = heldUntil == null || until.isAfter(heldUntil) ? until : heldUntil;
        byEvent.get(link.deliveryKey()).forEach(l -> {
            failed.add(l.messageId());
            held.add(l);
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
        return new RunResult(posted, skipped, failed, deferred, deferredFor, refused, released, held, heldUntil);
    }

    private void release(QueuedLink link) {
        released.add(link.deliveryKey());
    }
}
