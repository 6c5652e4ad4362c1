package dev.s3notify.core.support;

/**
 * What every function drops before a Lambda SnapStart snapshot and after a restore: the pooled connections of the
 * shared HTTP client (a restored environment cannot use them) and the retry jitter's seed (every environment
 * restored from one snapshot would share it).
 */
public final class SnapshotState {
    private SnapshotState() {
    }

    /** Replaces the HTTP client with one without connections, and drops the jitter seed (drawn again on use). */
    public static void forget() {
        SharedHttpClient.reset();
        Jitter.SHARED.reseed();
    }
}
