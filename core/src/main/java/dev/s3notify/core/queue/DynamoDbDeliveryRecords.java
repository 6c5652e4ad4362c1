package dev.s3notify.core.queue;

import dev.s3notify.core.aws.DeliveryTable;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

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
    public Claim claim(String destination, String event, Instant leaseUntil) {
        Instant now = clock.instant();
        DeliveryTable.Claimed claimed = table.claim(key(destination, event), owner, leaseUntil, now, now.plus(KEEP));
        if (claimed.written()) {
            return Claim.CLAIMED;
        }
        return DeliveryTable.DELIVERED.equals(claimed.existingState()) ? Claim.DELIVERED : Claim.BUSY;
    }

    @Override
    public void delivered(String destination, String event) {
        Instant now = clock.instant();
        table.markDelivered(key(destination, event), owner, now, now.plus(KEEP));
    }

    @Override
    public void release(String destination, String event) {
        table.release(key(destination, event), owner);
    }

    @Override
    public Claims claimAll(String destination, List<String> events, Instant leaseUntil) {
        Map<String, Claim> claims = new ConcurrentHashMap<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Parallel.run(events, event -> {
            try {
                claims.put(event, claim(destination, event, leaseUntil));
            } catch (RuntimeException e) {
                claims.put(event, Claim.UNAVAILABLE);
                failure.compareAndSet(null, e);
            }
        });
        Map<String, Claim> ordered = new LinkedHashMap<>();
        events.forEach(event -> ordered.put(event, claims.getOrDefault(event, Claim.UNAVAILABLE)));
        return new Claims(ordered, failure.get());
    }

    @Override
    public int deliveredAll(String destination, List<String> events) {
        return Parallel.run(events, event -> delivered(destination, event));
    }

    static String key(String destination, String event) {
        return destination + "#" + event;
    }
}
