package dev.s3notify.core.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Delivery records in memory, with DynamoDbDeliveryRecords' semantics (leases, release only in progress). */
final class MemoryDeliveryRecords implements DeliveryRecords {
    private record Entry(boolean delivered, Instant leaseUntil) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    MemoryDeliveryRecords(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Claim claim(String destination, String event, Instant leaseUntil, Instant deadline) {
        String key = destination + "#" + event;
        Entry entry = entries.get(key);
        if (entry != null && entry.delivered()) {
            return Claim.DELIVERED;
        }
        if (entry != null && entry.leaseUntil().isAfter(clock.instant())) {
            return Claim.BUSY;
        }
        entries.put(key, new Entry(false, leaseUntil));
        return Claim.CLAIMED;
    }

    @Override
    public synchronized void delivered(String destination, String event, Instant deadline) {
        entries.put(destination + "#" + event, new Entry(true, Instant.MAX));
    }

    @Override
    public synchronized void release(String destination, String event, Instant deadline) {
        entries.computeIfPresent(destination + "#" + event, (k, e) -> e.delivered() ? e : null);
    }

    synchronized long deliveredCount() {
        return entries.values().stream().filter(Entry::delivered).count();
    }
}
