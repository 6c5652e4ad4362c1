package dev.s3notify.core.pacing;

import dev.s3notify.core.RateLimit;
import dev.s3notify.core.support.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queue path's pacing: spaces one environment's messages to a webhook so that all environments together stay
 * within the platform's rate: each of {@code sharers} concurrent environments (the event source mapping's maximum
 * concurrency) takes every {@code sharers}-th slot of the platform's limit. A slot due within
 * {@link Pacing#LONGEST_WAIT} is waited for; a later one is not: the caller gives the messages back to the queue
 * for that long ({@link Pacing#handedBack}) instead of sleeping. Each request is then paced again by its webhook's
 * {@link RateBudget} in the sender, which learns from what the platform answers. Thread-safe.
 */
public final class Pacer {
    private final boolean paced;
    private final int sharers;
    private final Clock clock;
    private final Sleeper pause;
    private final Map<String, Instant> nextSlot = new ConcurrentHashMap<>();

    private Pacer(boolean paced, int sharers, Clock clock, Sleeper pause) {
        if (sharers < 1) {
            throw new IllegalArgumentException("sharers must be at least 1, not " + sharers);
        }
        this.paced = paced;
        this.sharers = sharers;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * @param sharers how many environments may send to one webhook at once, at least 1
     * @param clock the time
     * @param pause how a short wait is waited
     * @return a pacer keeping to each webhook's documented rate
     */
    public static Pacer of(int sharers, Clock clock, Sleeper pause) {
        return new Pacer(true, sharers, clock, pause);
    }

    /** @return a pacer that never waits (previewing sends nothing, so nothing is paced) */
    public static Pacer unpaced() {
        return new Pacer(false, 1, Clock.systemUTC(), Sleeper.THREAD);
    }

    /**
     * Takes the next slot for a destination, waiting for it when it is near.
     *
     * @param key the webhook a message is about to go to (a key that does not reveal its URL)
     * @param limit the platform's documented rate
     * @param deadline when the invocation must be over
     * @return zero when the slot is taken (send now), else how long until it is due (defer)
     */
    public Duration take(String key, RateLimit limit, Instant deadline) {
        if (!paced || limit.isUnknown()) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        Instant slot = max(now, nextSlot.getOrDefault(key, now));
        Duration wait = Duration.between(now, slot);
        if (wait.compareTo(Pacing.LONGEST_WAIT) > 0 || slot.isAfter(deadline)) {
            return wait;
        }
        nextSlot.put(key, slot.plus(limit.interval().multipliedBy(sharers)));
        if (!wait.isZero()) {
            try {
                pause.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return wait;
            }
        }
        return Duration.ZERO;
    }

    /**
     * Records that the platform asked for a pause (a 429's Retry-After): no slot before it ends.
     *
     * @param key the webhook, as given to {@link #take}
     * @param retryAfter how long the platform asked for
     */
    public void backOff(String key, Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        nextSlot.merge(key, until, Pacer::max);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
