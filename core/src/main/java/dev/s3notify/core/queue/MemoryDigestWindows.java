package dev.s3notify.core.queue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Digest windows kept in one execution environment's memory, for deployments without {@code IDEMPOTENCY_TABLE}:
 * the same rule as {@link DynamoDbDigestWindows}, but each environment has windows of its own (so up to
 * {@code DISPATCH_CONCURRENCY} batches of one window go out at once), and an environment that is replaced forgets
 * them. Thread-safe.
 */
public final class MemoryDigestWindows implements DigestWindows {
    private record Open(Instant closesAt, Instant previousClose) {
    }

    private final Map<String, Open> windows = new HashMap<>();

    @Override
    public synchronized Window open(String destination, Instant now, Instant closesAt, Instant deadline) {
        Open open = windows.get(destination);
        if (open != null && open.closesAt().isAfter(now)) {
            return new Window(false, open.closesAt(), open.previousClose());
        }
        windows.put(destination, new Open(closesAt, open == null ? null : open.closesAt()));
        return new Window(true, closesAt, open == null ? null : open.closesAt());
    }
}
