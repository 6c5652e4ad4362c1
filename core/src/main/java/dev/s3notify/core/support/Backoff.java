package dev.s3notify.core.support;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter, as the AWS Architecture Blog recommends: before attempt n+1, wait a random
 * time between 0 and min(cap, base * 2^(n-1)).
 *
 * @param base the ceiling of the first wait
 * @param cap the largest ceiling
 * @param maxAttempts attempts in all, the first included
 * @param sleeper how to wait
 * @param random where the jitter comes from ({@link RandomGenerator#nextLong(long)}, the ceiling plus one)
 */
public record Backoff(Duration base, Duration cap, int maxAttempts, Sleeper sleeper, RandomGenerator random) {

    /** Rejects missing parts and fewer than one attempt. */
    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /**
     * 100 ms base, 2 s cap, 4 attempts, real sleeps. The jitter comes from {@link Jitter}, which costs nothing at
     * cold start and is never taken from a SnapStart snapshot.
     */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 4, Sleeper.THREAD, Jitter.SHARED);
    }

    /**
     * @param failedAttempt the attempt that just failed, from 1
     * @return how long to wait before the next one
     */
    public Duration delay(int failedAttempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(failedAttempt - 1, 30));
        return upTo(Duration.ofMillis(ceiling));
    }

    /**
     * The one jitter draw: full jitter under any ceiling (backoff's, or a pacing wait's).
     *
     * @param ceiling the longest result; zero or negative gives zero
     * @return a random whole number of milliseconds between zero and {@code ceiling}, both included
     */
    public Duration upTo(Duration ceiling) {
        return Duration.ofMillis(random.nextLong(Math.max(0, ceiling.toMillis()) + 1));
    }

    /**
     * Waits {@link #delay(int)}.
     *
     * @param failedAttempt the attempt that just failed, from 1
     * @return the time waited
     * @throws InterruptedException when interrupted meanwhile
     */
    public Duration pause(int failedAttempt) throws InterruptedException {
        Duration delay = delay(failedAttempt);
        sleeper.sleep(delay);
        return delay;
    }
}
