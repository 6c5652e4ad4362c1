package dev.s3notify.core.queue;

import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.support.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Spaces one environment's messages to a webhook so that all environments together stay within the platform's
 * rate: each of {@code sharers} concurrent environments (the event source mapping's maximum concurrency) takes
 * every {@code sharers}-th slot of the platform's limit. A slot due within {@code maxWait} is waited for; a later
 * one is not: the caller gives the messages back to the queue for that long instead of sleeping.
 */
public final class Pacer {
    private final Function<Destination, RateLimit> limits;
    private final int sharers;
    private final Clock clock;
    private final Sleeper pause;
    private final Duration maxWait;
    private final Map<String, Instant> nextSlot = new ConcurrentHashMap<>();

    /**
     * @param limits each destination's documented rate
     * @param sharers how many environments may send to one webhook at once, at least 1
     * @param clock the time
     * @param pause how a short wait is waited
     * @param maxWait the longest wait taken inside an invocation
     */
    public Pacer(Function<Destination, RateLimit> limits, int sharers, Clock clock, Sleeper pause, Duration maxWait) {
        if (sharers < 1) {
            throw new IllegalArgumentException("sharers must be at least 1, not " + sharers);
        }
        this.limits = limits;
        this.sharers = sharers;
        this.clock = clock;
        this.pause = pause;
        this.maxWait = maxWait;
    }

    /**
     * Takes the next slot for a destination, waiting for it when it is near.
     *
     * @param destination where a message is about to go
     * @param deadline when the invocation must be over
     * @return zero when the slot is taken (send now), else how long until it is due (defer)
     */
    Duration take(Destination destination, Instant deadline) {
        RateLimit limit = limits.apply(destination);
        if (limit.isUnknown()) {
            return Duration.ZERO;
        }
        String key = DestinationKey.of(destination);
        Instant now = clock.instant();
        Instant slot = max(now, nextSlot.getOrDefault(key, now));
        Duration wait = Duration.between(now, slot);
        if (wait.compareTo(maxWait) > 0 || slot.isAfter(deadline)) {
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
     * @param destination the destination
     * @param retryAfter how long the platform asked for
     */
    void backOff(Destination destination, Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        nextSlot.merge(DestinationKey.of(destination), until, Pacer::max);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
