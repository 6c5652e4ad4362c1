package dev.s3notify.core.queue;

/**
 * How many of several calls made together failed, and the first failure's reason, to be said once for all of them.
 *
 * @param count how many failed
 * @param first the first failure, or null when none did
 */
public record Failures(int count, RuntimeException first) {
    /** Nothing failed. */
    public static final Failures NONE = new Failures(0, null);

    /** @return whether any call failed */
    public boolean any() {
        return count > 0;
    }

    /**
     * @param other more calls' failures
     * @return both counted, the first failure of either kept
     */
    public Failures plus(Failures other) {
        return new Failures(count + other.count, first != null ? first : other.first);
    }
}
