package dev.s3notify.core.queue;

import dev.s3notify.core.aws.DeliveryTable;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivery records in a DynamoDB table ({@code IDEMPOTENCY_TABLE}, through {@link DeliveryTable}) whose partition key is the string {@code pk}
 * ({@code <destination hash>#<event key>}) and whose TTL attribute is {@code expiresAt}. Every write is
 * conditional: a claim succeeds only where no record exists or an in-progress one's lease has lapsed; marking
 * delivered and releasing touch only this instance's own claims. A table that cannot be read or written (missing,
 * access denied, throttled past the SDK's retries) is a {@link DeliveryException} with
 * {@link FailureReason#STORE_UNAVAILABLE}, naming the table and AWS's error code.
 */
public final class DynamoDbDeliveryRecords implements DeliveryRecords {
    /** Records outlive SQS's longest retention (14 days), so any redelivery of a message is recognised. */
    static final Duration KEEP = Duration.ofDays(15);

    private final DeliveryTable table;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    /**
     * @param table the table's conditional writes
     * @param clock the time, for leases and expiry
     */
    public DynamoDbDeliveryRecords(DeliveryTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Claim claim(String destination, String event, Instant leaseUntil, Instant deadline) {
        Instant now = clock.instant();
        DeliveryTable.Claimed claimed = table.claim(key(destination, event), owner, leaseUntil, now, now.plus(KEEP),
                deadline);
        if (claimed.written()) {
            return Claim.CLAIMED;
        }
        return DeliveryTable.DELIVERED.equals(claimed.existingState()) ? Claim.DELIVERED : Claim.BUSY;
    }

    @Override
    public void delivered(String destination, String event, Instant deadline) {
        Instant now = clock.instant();
        table.markDelivered(key(destination, event), owner, now, now.plus(KEEP), deadline);
    }

    @Override
    public void release(String destination, String event, Instant deadline) {
        table.release(key(destination, event), owner, deadline);
    }

    /** {@link Parallel#CALLS} conditional PutItems at once, none waited for past the deadline. */
    @Override
    public Claims claimAll(String destination, List<String> events, Instant leaseUntil, Instant deadline) {
        Map<String, Claim> claims = new ConcurrentHashMap<>();
        Failures failures = Parallel.run(events, event -> {
            try {
                claims.put(event, claim(destination, event, leaseUntil, deadline));
            } catch (RuntimeException e) {
                claims.put(event, Claim.UNAVAILABLE);
                throw e;
            }
        }, deadline);
        Map<String, Claim> ordered = new LinkedHashMap<>();
        // A claim not answered by the deadline is unavailable: its message is retried, its lease lapses.
        events.forEach(event -> ordered.put(event, claims.getOrDefault(event, Claim.UNAVAILABLE)));
        return new Claims(ordered, named(failures, "PutItem").first());
    }

    /** {@link Parallel#CALLS} conditional PutItems at once, none waited for past the deadline. */
    @Override
    public Failures deliveredAll(String destination, List<String> events, Instant deadline) {
        return named(Parallel.run(events, event -> delivered(destination, event, deadline), deadline), "PutItem");
    }

    /**
     * Releases in TransactWriteItems of {@value DeliveryTable#TRANSACTION} conditional deletes ({@code owner = me
     * AND state = in-progress}), {@link Parallel#CALLS} at once, none waited for past the deadline; a lone claim
     * with one DeleteItem. Not BatchWriteItem: it takes no conditions, so it would delete a record another
     * invocation has claimed since our lease lapsed, or one marked delivered, and the event would be posted twice.
     * A transaction fails as a whole when one of its conditions does (a claim taken over is an answer, not an
     * error): the records whose own condition held are then released one by one with DeleteItem. Twenty calls
     * instead of two thousand release a batch of two thousand claims; a transaction's deletes cost two write
     * units each, and need no permission beyond {@code dynamodb:DeleteItem}.
     */
    @Override
    public Failures releaseAll(String destination, List<String> events, Instant deadline) {
        List<String> keys = events.stream().map(event -> key(destination, event)).toList();
        if (keys.size() <= 1) {
            return Parallel.run(keys, key -> table.release(key, owner, deadline), deadline);
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += DeliveryTable.TRANSACTION) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + DeliveryTable.TRANSACTION)));
        }
        Map<Integer, Failures> answered = new ConcurrentHashMap<>();
        Parallel.run(java.util.stream.IntStream.range(0, chunks.size()).boxed().toList(),
                chunk -> answered.put(chunk, releaseTogether(chunks.get(chunk), deadline)), deadline);
        Failures failures = Failures.NONE;
        for (int chunk = 0; chunk < chunks.size(); chunk++) {
            // A transaction not answered by the deadline released nothing we know of: its leases lapse.
            failures = failures.plus(answered.getOrDefault(chunk, new Failures(chunks.get(chunk).size(), null)));
        }
        return named(failures, "TransactWriteItems");
    }

    /**
     * @return the failures, with the first one in the table's words: a call {@link Parallel} stopped waiting for
     *     at the deadline has none of its own
     */
    private Failures named(Failures failures, String operation) {
        if (!failures.any() || failures.first() instanceof DeliveryException) {
            return failures;
        }
        return new Failures(failures.count(), new DeliveryException(FailureReason.STORE_UNAVAILABLE, "DynamoDB "
                + operation + " on delivery-records table " + table.name() + ": no answer before the invocation's"
                + " deadline", failures.first()));
    }

    private Failures releaseTogether(List<String> keys, Instant deadline) {
        List<String> rest;
        try {
            rest = table.releaseTogether(keys, owner, deadline);
        } catch (RuntimeException e) {
            return new Failures(keys.size(), e);
        }
        Failures failures = Failures.NONE;
        for (String key : rest) {
            try {
                table.release(key, owner, deadline);
            } catch (RuntimeException e) {
                failures = failures.plus(new Failures(1, e));
            }
        }
        return failures;
    }

    static String key(String destination, String event) {
        return destination + "#" + event;
    }
}
