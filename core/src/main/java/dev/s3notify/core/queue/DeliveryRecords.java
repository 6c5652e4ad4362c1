package dev.s3notify.core.queue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which events were delivered to which destination, so that an event SQS or EventBridge delivers twice is posted
 * once. A record is claimed before sending (in progress, with a lease), marked delivered after the webhook's 2xx,
 * and released when the delivery fails so that a retry can deliver. Destinations are named by a hash of the
 * webhook URL, never the URL. Every call ends before the deadline it is given.
 */
public interface DeliveryRecords {
    /** No records: every event is sent (local runs, and deployments without {@code IDEMPOTENCY_TABLE}). */
    DeliveryRecords NONE = new DeliveryRecords() {
        @Override
        public Claim claim(String destination, String event, Instant leaseUntil, Instant deadline) {
            return Claim.CLAIMED;
        }

        @Override
        public void delivered(String destination, String event, Instant deadline) {
        }

        @Override
        public void release(String destination, String event, Instant deadline) {
        }
    };

    /** What a claim found. */
    enum Claim {
        /** The record is ours: send. */
        CLAIMED,
        /** The event was already delivered there: skip it. */
        DELIVERED,
        /** Another invocation holds an unexpired lease on it: retry later. */
        BUSY,
        /** The store could not be read or written (see {@link Claims#failure()}): retry later. */
        UNAVAILABLE
    }

    /**
     * What claiming several events found.
     *
     * @param claims each event's claim, in the order asked
     * @param failure the first reason a claim was {@link Claim#UNAVAILABLE}, or null when none was
     */
    record Claims(Map<String, Claim> claims, RuntimeException failure) {
        /** Copies the map, keeping its order. */
        public Claims {
            claims = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        }
    }

    /**
     * @param destination the destination's hash
     * @param event the event's delivery key
     * @param leaseUntil when the claim lapses if neither marked delivered nor released (a crashed invocation)
     * @param deadline when the call must be over
     * @return what the claim found
     * @throws dev.s3notify.core.error.DeliveryException ({@code STORE_UNAVAILABLE}) when the store could not be
     *     read or written, or not in time
     */
    Claim claim(String destination, String event, Instant leaseUntil, Instant deadline);

    /**
     * @param destination the destination's hash
     * @param event the event's delivery key
     * @param deadline when the call must be over
     */
    void delivered(String destination, String event, Instant deadline);

    /**
     * Gives up a claim after a failed delivery, so that a retry can deliver.
     *
     * @param destination the destination's hash
     * @param event the event's delivery key
     * @param deadline when the call must be over
     */
    void release(String destination, String event, Instant deadline);

    /**
     * Claims several events; an implementation may make the calls in parallel.
     *
     * @param destination the destination's hash
     * @param events the events' delivery keys
     * @param leaseUntil when the claims lapse
     * @param deadline when the calls must be over
     * @return each event's claim, {@link Claim#UNAVAILABLE} where the store could not be reached, with why
     */
    default Claims claimAll(String destination, List<String> events, Instant leaseUntil, Instant deadline) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        RuntimeException failure = null;
        for (String event : events) {
            try {
                claims.put(event, claim(destination, event, leaseUntil, deadline));
            } catch (RuntimeException e) {
                claims.put(event, Claim.UNAVAILABLE);
                failure = failure == null ? e : failure;
            }
        }
        return new Claims(claims, failure);
    }

    /**
     * Marks several events delivered; an implementation may make the calls in parallel. A failure is not thrown:
     * the in-progress records' leases keep a retry from sending them again until they lapse.
     *
     * @param destination the destination's hash
     * @param events the events' delivery keys
     * @param deadline when the calls must be over
     * @return how many could not be marked, and why
     */
    default Failures deliveredAll(String destination, List<String> events, Instant deadline) {
        return each(events, event -> delivered(destination, event, deadline));
    }

    /**
     * Releases several claims; an implementation may make the calls in parallel. A failure is not thrown: the
     * claims' leases lapse on their own, and a retry delivers then.
     *
     * @param destination the destination's hash
     * @param events the events' delivery keys
     * @param deadline when the calls must be over
     * @return how many could not be released, and why
     */
    default Failures releaseAll(String destination, List<String> events, Instant deadline) {
        return each(events, event -> release(destination, event, deadline));
    }

    private static Failures each(List<String> events, java.util.function.Consumer<String> call) {
        Failures failures = Failures.NONE;
        for (String event : events) {
            try {
                call.accept(event);
            } catch (RuntimeException e) {
                failures = failures.plus(new Failures(1, e));
            }
        }
        return failures;
    }
}
