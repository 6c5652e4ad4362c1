package dev.s3notify.core.queue;

import dev.s3notify.core.error.DeliveryException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every destination's share of one batch came to, added up ({@link BatchDispatcher}): the messages posted, the
 * SQS messages skipped, failed, deferred, held or refused, and the claims to release per destination. Not
 * thread-safe: one per invocation.
 */
final class BatchTotals {
    final Set<String> failed;
    final List<BatchOutcome.Posted> posted = new ArrayList<>();
    final Set<String> skipped = new LinkedHashSet<>();
    final List<QueuedLink> deferred = new ArrayList<>();
    final List<QueuedLink> held = new ArrayList<>();
    /** Each message no retry can deliver, with why: those no fallback took, for the dead-letter queue. */
    final Map<QueuedLink, DeliveryException> refused = new LinkedHashMap<>();
    /** The delivery keys of the claims to release, per destination key. */
    final Map<String, List<String>> released = new LinkedHashMap<>();
    Duration deferredFor;
    Instant heldUntil;

    /** @param unreadable the SQS messages that failed before any destination saw them */
    BatchTotals(Set<String> unreadable) {
        this.failed = new LinkedHashSet<>(unreadable);
    }

    /**
     * Adds one run, all but its refusals: a refusal either goes to the route's fallback, which adds its own run, or
     * is added with {@link #refuse}.
     *
     * @param run what the run came to
     * @param destinationKey its destination's key ({@link DestinationKey#of}), whose claims are released together
     */
    void add(RunResult run, String destinationKey) {
        posted.addAll(run.posted());
        skipped.addAll(run.skipped());
        failed.addAll(run.failed());
        deferred.addAll(run.deferred());
        held.addAll(run.held());
        if (run.heldUntil() != null && (heldUntil == null || run.heldUntil().isAfter(heldUntil))) {
            heldUntil = run.heldUntil();
        }
        released.computeIfAbsent(destinationKey, k -> new ArrayList<>()).addAll(run.released());
        if (run.deferredFor() != null && (deferredFor == null || run.deferredFor().compareTo(deferredFor) > 0)) {
            deferredFor = run.deferredFor();
        }
    }

    /** @param refusals messages no retry and no fallback can deliver, with why, for the dead-letter queue */
    void refuse(Map<QueuedLink, DeliveryException> refusals) {
        refusals.forEach(refused::putIfAbsent);
    }
}
