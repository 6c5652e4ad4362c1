package dev.s3notify.core.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * One request's place in a webhook's {@link RateBudget}, taken with {@link RateBudget#acquire(Instant, Duration)}:
 * wait {@link #delay()}, send, then say {@link #done(Instant)} when the answer came or the request failed, so that
 * the window counts from then.
 */
public final class RateSlot {
    private final RateBudget budget;
    private final Duration delay;
    /** Guarded by the budget. */
    private long time;
    private boolean done;

    RateSlot(RateBudget budget, long time, Duration delay) {
        this.budget = budget;
        this.time = time;
        this.delay = delay;
    }

    /** @return how long to wait before sending, from when the slot was taken */
    public Duration delay() {
        return delay;
    }

    /**
     * The request's answer came, or it failed: the window counts from here. Called more than once, the first call
     * counts.
     *
     * @param at when
     */
    public void done(Instant at) {
        budget.release(this, at);
    }

    /** @return whether this call finished the slot; the budget's lock is held */
    boolean finish(long at) {
        if (done) {
            return false;
        }
        done = true;
        time = Math.max(time, at);
        return true;
    }

    boolean done() {
        return done;
    }

    long time() {
        return time;
    }
}
