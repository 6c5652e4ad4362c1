package dev.s3notify.core.queue;

import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.decoding.Envelope;
import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.pacing.Pacer;
import dev.s3notify.core.pacing.Pacing;
import dev.s3notify.core.support.Backoff;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.support.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The webhook dispatcher's work for one SQS batch of {@code file-link-generated} events (an event source mapping
 * with {@code ReportBatchItemFailures}): per destination, the batch's events become as few messages as the
 * platform allows ({@link Composer}), delivered once ({@link DeliveryRecords}) and paced ({@link Pacer}). What
 * was not delivered is reported as a batch item failure; what the platform's rate would not allow now is also
 * hidden from the queue for the platform's wait plus jitter, so that it comes back when it can be sent. What no
 * retry can deliver (a 404, 401, 403, 400) goes to the queue's dead-letter queue at once ({@link DeadLetters}).
 * Nothing here sleeps longer than a pacing slot. Built once per function instance; thread-safe.
 */
public final class BatchDispatcher {
    private static final Log LOG = Log.of(BatchDispatcher.class);
    /** How long past the invocation's deadline a claim stays leased: a crashed invocation's claims lapse then. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final List<Destination> destinations;
    private final Parts parts;
    private final Backoff jitter;

    /** What the dispatcher is made of; tests and the simulation put in their own. */
    public record Parts(Composer composer, DeliveryRecords records, Pacer pacer, MessageSender sender,
            Visibility visibility, RandomGenerator random, DeadLetters deadLetters) {
        /** Rejects missing parts. */
        public Parts {
            Objects.requireNonNull(deadLetters, "deadLetters");
            Objects.requireNonNull(composer, "composer");
            Objects.requireNonNull(records, "records");
            Objects.requireNonNull(pacer, "pacer");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(visibility, "visibility");
            Objects.requireNonNull(random, "random");
        }

        /** Parts that park nothing in a dead-letter queue: every failure is retried. */
        public Parts(Composer composer, DeliveryRecords records, Pacer pacer, MessageSender sender,
                Visibility visibility, RandomGenerator random) {
            this(composer, records, pacer, sender, visibility, random, DeadLetters.NONE);
        }
    }

    public BatchDispatcher(List<Destination> destinations, Parts parts) {
        this.destinations = List.copyOf(destinations);
        this.parts = parts;
        // Only its draws are used: the one jitter rule is Pacing's.
        this.jitter = new Backoff(Duration.ZERO, Duration.ZERO, 1, Sleeper.THREAD, parts.random());
    }

    /**
     * @param envelopes the messages of an SQS batch, unwrapped
     * @param deadline when the invocation must be over
     * @return what was posted and which SQS messages to report as batch item failures
     */
    public BatchOutcome handle(List<Envelope> envelopes, Instant deadline) {
        List<QueuedLink> links = new ArrayList<>();
        Set<String> failed = new LinkedHashSet<>();
        for (Envelope envelope : envelopes) {
            try {
                links.add(read(envelope));
            } catch (InvalidEventException e) {
                LOG.error("message failed; reported for retry", "messageId", envelope.messageId(), "error",
                        e.getMessage());
                failed.add(envelope.messageId());
            }
        }
        return dispatch(links, failed, deadline);
    }

    BatchOutcome dispatch(List<QueuedLink> links, Set<String> unreadable, Instant deadline) {
        Set<String> failed = new LinkedHashSet<>(unreadable);
        List<BatchOutcome.Posted> posted = new ArrayList<>();
        Set<String> skipped = new LinkedHashSet<>();
        List<QueuedLink> deferred = new ArrayList<>();
        Duration deferredFor = null;
        Map<QueuedLink, DeliveryException> refused = new LinkedHashMap<>();
        List<RunResult> unclaimable = new ArrayList<>();
        for (Destination destination : destinations) {
            RunResult run = new DestinationRun(parts, destination, links, deadline).run();
            posted.addAll(run.posted());
            skipped.addAll(run.skipped());
            failed.addAll(run.failed());
            deferred.addAll(run.deferred());
            run.refused().forEach(refused::putIfAbsent);
            if (run.storeFailure() != null) {
                unclaimable.add(run);
            }
            if (run.deferredFor() != null && (deferredFor == null || run.deferredFor().compareTo(deferredFor) > 0)) {
                deferredFor = run.deferredFor();
            }
        }
        storeUnavailable(unclaimable);
        List<String> parked = park(refused, failed);
        skipped.removeAll(failed);
        parked.forEach(skipped::remove);
        Duration hidden = deferred.isEmpty() ? null : defer(deferred, deferredFor);
        return new BatchOutcome(posted, List.copyOf(skipped), List.copyOf(failed), hidden, parked);
    }

    /** Once per invocation, however many messages and destinations it left unsent. */
    private static void storeUnavailable(List<RunResult> runs) {
        if (!runs.isEmpty()) {
            LOG.error("delivery records unavailable: messages reported for retry", "messages",
                    runs.stream().mapToInt(RunResult::unclaimable).sum(), "error", DestinationRun.describe(
                    runs.get(0).storeFailure()));
        }
    }

    /**
     * Sends each refused message to its dead-letter queue, unless another destination failed it (then it comes
     * back for that one anyway); what cannot be parked is reported for retry, as before.
     */
    private List<String> park(Map<QueuedLink, DeliveryException> refused, Set<String> failed) {
        Set<String> parked = new LinkedHashSet<>();
        for (Map.Entry<QueuedLink, DeliveryException> entry : refused.entrySet()) {
            String id = entry.getKey().messageId();
            if (failed.contains(id) || parked.contains(id)) {
                continue;
            }
            try {
                if (parts.deadLetters().park(entry.getKey(), entry.getValue())) {
                    LOG.info("message sent to the dead-letter queue", "messageId", id, "eventId",
                            entry.getKey().eventId(), "reason", entry.getValue().reason().name());
                    parked.add(id);
                    continue;
                }
            } catch (RuntimeException e) {
                LOG.error("message not sent to the dead-letter queue; reported for retry", "messageId", id,
                        "error", DestinationRun.describe(e));
            }
            failed.add(id);
        }
        return List.copyOf(parked);
    }

    /** Hides the rate-limited messages for the platform's wait, jittered by {@link Pacing#handedBack}. */
    private Duration defer(List<QueuedLink> deferred, Duration retryAfter) {
        Duration timeout = Pacing.handedBack(retryAfter, jitter);
        List<QueuedLink> distinct = deferred.stream().distinct().toList();
        try {
            parts.visibility().defer(distinct, timeout);
        } catch (RuntimeException e) {
            // They come back after the queue's own visibility timeout instead; still reported, still not lost.
            LOG.warn("visibility of rate-limited messages not changed", "messages", distinct.size(), "error",
                    DestinationRun.describe(e));
        }
        LOG.info("rate limited: messages given back to the queue", "messages", distinct.size(), "visibleInMs",
                timeout.toMillis());
        return timeout;
    }

    private static QueuedLink read(Envelope envelope) {
        LinkEvent event;
        try {
            event = LinkEventJson.fromJson(envelope.detail());
        } catch (InvalidEventException e) {
            throw new InvalidEventException("SQS message " + envelope.messageId() + ": " + e.getMessage(), e);
        }
        return new QueuedLink(envelope.messageId(), envelope.receiptHandle(), envelope.queueArn(), envelope.eventId(),
                event, envelope.sqsBody(), envelope.sqsAttributes());
    }
}
