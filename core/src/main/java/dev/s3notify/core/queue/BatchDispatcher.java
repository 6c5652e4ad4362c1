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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The webhook dispatcher's work for one SQS batch of {@code file-link-generated} events (an event source mapping
 * with {@code ReportBatchItemFailures}): per destination, the batch's events become as few messages as the
 * platform allows ({@link Composer}), delivered once ({@link DeliveryRecords}) and paced ({@link Pacer}); where the
 * destination's digest window is open, what arrived within it waits for it ({@link Windowing}) and is hidden from the
 * queue until it closes, without jitter. What was not delivered is reported as a batch item failure; what the platform's rate would not allow now is also
 * hidden from the queue for the platform's wait plus jitter, so that it comes back when it can be sent. What no
 * retry can deliver (a 404, 401, 403, 400) goes to the queue's dead-letter queue at once ({@link DeadLetters}).
 * Nothing here sleeps longer than a pacing slot, and nothing waits past the invocation's deadline: the claims, index
 * pages and sends end {@link #WRAP_UP} before it ({@link #workUntil}), and what comes after them (visibility
 * changes, dead-lettering, releases of claims, each batch of calls {@link Parallel} and bounded by the deadline)
 * ends before it, so the answer with its batch item failures reaches Lambda in time whatever AWS does. Failures
 * of the delivery records are said once per invocation ({@link StoreErrors}). Built once per function instance;
 * thread-safe.
 */
public final class BatchDispatcher {
    private static final Log LOG = Log.of(BatchDispatcher.class);
    /** How long past the invocation's deadline a claim stays leased: a crashed invocation's claims lapse then. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    /** The most time kept back from the work for releases, dead-lettering and visibility changes. */
    static final Duration WRAP_UP = Duration.ofSeconds(2);

    private final List<Destination> destinations;
    private final Parts parts;
    private final Backoff jitter;

    /**
     * What the dispatcher is made of; tests and the simulation put in their own.
     *
     * @param clock the time the invocation's deadline is counted against
     * @param windowing the digest window: which files wait for it
     */
    public record Parts(Composer composer, DeliveryRecords records, Pacer pacer, MessageSender sender,
            Visibility visibility, RandomGenerator random, DeadLetters deadLetters, Clock clock, Windowing windowing) {
        /** Rejects missing parts. */
        public Parts {
            Objects.requireNonNull(windowing, "windowing");
            Objects.requireNonNull(deadLetters, "deadLetters");
            Objects.requireNonNull(composer, "composer");
            Objects.requireNonNull(records, "records");
            Objects.requireNonNull(pacer, "pacer");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(visibility, "visibility");
            Objects.requireNonNull(random, "random");
            Objects.requireNonNull(clock, "clock");
        }

        /** Parts without a digest window: every batch is sent at once. */
        public Parts(Composer composer, DeliveryRecords records, Pacer pacer, MessageSender sender,
                Visibility visibility, RandomGenerator random, DeadLetters deadLetters, Clock clock) {
            this(composer, records, pacer, sender, visibility, random, deadLetters, clock, Windowing.OFF);
        }

        /** Parts on the system clock. */
        public Parts(Composer composer, DeliveryRecords records, Pacer pacer, MessageSender sender,
                Visibility visibility, RandomGenerator random, DeadLetters deadLetters) {
            this(composer, records, pacer, sender, visibility, random, deadLetters, Clock.systemUTC());
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
        BatchTotals totals = new BatchTotals(unreadable);
        StoreErrors store = new StoreErrors();
        Instant work = workUntil(parts.clock().instant(), deadline);
        int unmatched = 0;
        for (QueuedLink link : links) {
            unmatched += destinations.stream().anyMatch(d -> d.accepts(link.event())) ? 0 : 1;
        }
        if (unmatched > 0) {
            // Not an error: a route's filters said no to these, as they were written to.
            LOG.info("files matched no route; nothing posted for them", "files", unmatched, "routes",
                    destinations.size());
        }
        for (Destination destination : destinations) {
            List<QueuedLink> taken = links.stream().filter(link -> destination.accepts(link.event())).toList();
            if (!taken.isEmpty()) {
                Map<QueuedLink, DeliveryException> refused = run(destination, taken, work, deadline, store, totals);
                redirect(destination, refused, work, deadline, store, totals);
            }
        }
        Set<String> failed = totals.failed;
        List<QueuedLink> deferred = totals.deferred;
        List<QueuedLink> held = totals.held;
        // What matters most to the messages first: hidden for the platform's wait, then parked, then released.
        Duration hidden = deferred.isEmpty() ? null : defer(deferred, totals.deferredFor, deadline);
        // A file rate limited for one destination comes back with the platform's wait: held again if still early.
        held.removeAll(deferred);
        if (!held.isEmpty()) {
            // No jitter: they come back together, to go in one digest.
            giveBack(held, Duration.between(parts.clock().instant(), totals.heldUntil),
                    "digest window open: messages given back to the queue until it closes", deadline);
        }
        List<String> parked = park(totals.refused, failed, deadline);
        totals.released.forEach((destination, keys) -> store.add(StoreErrors.Step.RELEASE,
                parts.records().releaseAll(destination, keys.stream().distinct().toList(), deadline)));
        store.log();
        Set<String> skipped = totals.skipped;
        skipped.removeAll(failed);
        parked.forEach(skipped::remove);
        return new BatchOutcome(totals.posted, List.copyOf(skipped), List.copyOf(failed), hidden, parked);
    }

    /** Runs one destination's share of the batch, adds it up, and returns what its webhook refused for good. */
    private Map<QueuedLink, DeliveryException> run(Destination destination, List<QueuedLink> links, Instant work,
            Instant deadline, StoreErrors store, BatchTotals totals) {
        RunResult run = new DestinationRun(parts, destination, links, work, deadline.plus(LEASE_MARGIN), store).run();
        totals.add(run, DestinationKey.of(destination));
        return run.refused();
    }

    /**
     * Sends what a route's webhook refused for good to the route's fallback, and what that one refuses to its own,
     * each message starting with a line that says where it was meant to go and why it came here; what no fallback
     * takes goes to the dead-letter queue. A fallback's copy has delivery records of its own per route it stands in
     * for, so that a redelivery posts to it once.
     */
    private void redirect(Destination route, Map<QueuedLink, DeliveryException> refused, Instant work,
            Instant deadline, StoreErrors store, BatchTotals totals) {
        Map<QueuedLink, DeliveryException> pending = refused;
        Destination from = route;
        Set<String> visited = new LinkedHashSet<>(List.of(route.name()));
        while (!pending.isEmpty()) {
            Destination to = from.fallback().flatMap(name -> Destination.find(destinations, name)).orElse(null);
            if (to == null || !visited.add(to.name())) {
                totals.refuse(pending);
                return;
            }
            Map<String, Destination> copies = new LinkedHashMap<>();
            Map<String, List<QueuedLink>> byNote = new LinkedHashMap<>();
            for (Map.Entry<QueuedLink, DeliveryException> entry : pending.entrySet()) {
                Destination copy = to.fallbackFor(from, entry.getValue());
                String note = copy.routing().note();
                copies.putIfAbsent(note, copy);
                byNote.computeIfAbsent(note, k -> new ArrayList<>()).add(entry.getKey());
            }
            Map<QueuedLink, DeliveryException> next = new LinkedHashMap<>();
            byNote.forEach((note, taken) -> next.putAll(run(copies.get(note), taken, work, deadline, store, totals)));
            LOG.info("refused messages sent to the route's fallback", "route", route.name(), "fallback", to.name(),
                    "files", pending.size(), "refusedAgain", next.size());
            pending = next;
            from = copies.values().iterator().next();
        }
    }

    /**
     * @param now the time
     * @param deadline when the invocation must be over
     * @return when the claims, index pages and sends must be over: {@link #WRAP_UP} before the deadline, or a
     *     quarter of the time left when that is less, so that releases, dead-lettering and visibility changes are
     *     made, and the answer given, before the deadline even when those calls never answer
     */
    static Instant workUntil(Instant now, Instant deadline) {
        Duration quarter = Duration.between(now, deadline).dividedBy(4);
        Duration kept = quarter.isNegative() ? Duration.ZERO : quarter.compareTo(WRAP_UP) < 0 ? quarter : WRAP_UP;
        return deadline.minus(kept);
    }

    /**
     * Sends each refused message to its dead-letter queue ({@link Parallel#CALLS} at once, none waited for past the
     * deadline), unless another destination failed it (then it comes back for that one anyway); what cannot be
     * parked is reported for retry, as before.
     */
    private List<String> park(Map<QueuedLink, DeliveryException> refused, Set<String> failed, Instant deadline) {
        Map<String, Map.Entry<QueuedLink, DeliveryException>> byMessage = new LinkedHashMap<>();
        refused.entrySet().stream().filter(entry -> !failed.contains(entry.getKey().messageId()))
                .forEach(entry -> byMessage.putIfAbsent(entry.getKey().messageId(), entry));
        Set<String> parked = ConcurrentHashMap.newKeySet();
        Parallel.run(List.copyOf(byMessage.values()), entry -> {
            QueuedLink link = entry.getKey();
            try {
                if (parts.deadLetters().park(link, entry.getValue(), deadline)) {
                    LOG.info("message sent to the dead-letter queue", "messageId", link.messageId(), "eventId",
                            link.eventId(), "reason", entry.getValue().reason().name());
                    parked.add(link.messageId());
                }
            } catch (RuntimeException e) {
                LOG.error("message not sent to the dead-letter queue; reported for retry", "messageId",
                        link.messageId(), "error", DestinationRun.describe(e));
            }
        }, deadline);
        // In the batch's order; what was not parked (no dead-letter queue, a failure, no answer in time) is retried.
        Set<String> done = Set.copyOf(parked);
        byMessage.keySet().stream().filter(id -> !done.contains(id)).forEach(failed::add);
        return byMessage.keySet().stream().filter(done::contains).toList();
    }

    /** Hides the rate-limited messages for the platform's wait, jittered by {@link Pacing#handedBack}. */
    private Duration defer(List<QueuedLink> deferred, Duration retryAfter, Instant deadline) {
        Duration timeout = Pacing.handedBack(retryAfter, jitter);
        giveBack(deferred, timeout, "rate limited: messages given back to the queue", deadline);
        return timeout;
    }

    /**
     * Hides messages from the queue for a while; one not hidden comes back after the queue's own visibility timeout
     * instead, still reported, still not lost.
     */
    private void giveBack(List<QueuedLink> links, Duration timeout, String why, Instant deadline) {
        List<QueuedLink> distinct = links.stream().distinct().toList();
        Failures unchanged;
        try {
            unchanged = parts.visibility().defer(distinct, timeout, deadline);
        } catch (RuntimeException e) {
            unchanged = new Failures(distinct.size(), e);
            LOG.warn("visibility of messages not changed", "messages", distinct.size(), "error",
                    DestinationRun.describe(e));
        }
        LOG.info(why, "messages", distinct.size(), "hidden", distinct.size() - unchanged.count(), "visibleInMs",
                timeout.toMillis());
    }

    private static QueuedLink read(Envelope envelope) {
        LinkEvent event;
        try {
            event = LinkEventJson.fromJson(envelope.detail());
        } catch (InvalidEventException e) {
            throw new InvalidEventException("SQS message " + envelope.messageId() + ": " + e.getMessage(), e);
        }
        return new QueuedLink(envelope.messageId(), envelope.receiptHandle(), envelope.queueArn(), envelope.eventId(),
                event, envelope.sqsBody(), envelope.sqsAttributes(), envelope.sentAt());
    }
}
