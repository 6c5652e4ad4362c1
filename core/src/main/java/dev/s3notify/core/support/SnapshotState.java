package dev.s3notify.core.support;

/**
 * What every function drops before a Lambda SnapStart snapshot and after a restore: the webhook connections kept
 * open for reuse ({@link IdleConnections}: a restored environment cannot use them) and the retry jitter's seed
 * (every environment restored from one snapshot would share it).
 */
public final class SnapshotState {
    private SnapshotState() {
    }

    /** Closes the idle connections and drops the jitter seed (drawn again on use). */
    public static void forget() {
        IdleConnections.shared().closeAll();
        Jitter.SHARED.reseed();
    }
}
