package dev.s3notify.core.queue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which events were delivered to which destination, so that an event SQS or EventBridge delivers twice is posted
 * once. A record is claimed before sending (in progress, with a lease), marked delivered after the webhook's 2xx,
 * and released when the delivery fails so that a retry can deliver. Destinations are named by a hash of the
 * webhook URL, never the URL.
 */
public interface DeliveryRecords {
    /** No records: every event is sent (local runs, and deployments without {@code IDEMPOTENCY_TABLE}). */
    DeliveryRecords NONE = new DeliveryRecords() {
        @Override
        public Claim claim(String destination, String event, Instant leaseUntil) {
            return Claim.CLAIMED;
        }

        @Override
        public void delivered(String destination, String event) {
        }

        @Override
        public void release(String destination, String event) {
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
     * @return what the claim found
     * @throws dev.s3notify.core.error.DeliveryException ({@code STORE_UNAVAILABLE}) when the store could not be
     *     read or written
     */
    Claim claim(String destination, String event, Instant leaseUntil);

    /**
     * @param destination the destination's hash
     * @param event the event's delivery key
     */
    void delivered(String destination, String event);

    /**
     * Gives up a claim after a failed delivery, so that a retry can deliver.
     *
     * @param destination the destination's hash
     * @param event the event's delivery key
     */
    void release(String destination, String event);

    /**
     * Claims several events; an implementation may make the calls in parallel.
     *
     * @param destination the destination's hash
     * @param events the events' delivery keys
     * @param leaseUntil when the claims lapse
     * @return each event's claim, {@link Claim#UNAVAILABLE} where the store could not be reached, with why
     */
    default Claims claimAll(String destination, List<String> events, Instant leaseUntil) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        RuntimeException failure = null;
        for (String event : events) {
            try {
                claims.put(event, claim(destination, event, leaseUntil));
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
     * @return how many could not be marked
     */
    default int deliveredAll(String destination, List<String> events) {
        int failed = 0;
        for (String event : events) {
            try {
                delivered(destination, event);
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return failed;
    }
}
