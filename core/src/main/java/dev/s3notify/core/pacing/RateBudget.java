package dev.s3notify.core.pacing;

import dev.s3notify.core.RateLimit;
import dev.s3notify.core.support.ResponseHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One webhook's sending budget in this process: at most {@link RateLimit#requests()} requests in any window of
 * {@link RateLimit#per()} (padded a little, as the platform counts arrivals, not departures), and nothing while the
 * platform has said to wait (a 429, or {@code X-RateLimit-Remaining: 0}). Thread-safe: every sender to the webhook
 * shares one budget through {@link RateBudgets}.
 *
 * <p>Callers ask for a slot before each request: {@link #acquire(Instant, Duration)} takes the next one only if it
 * comes soon enough, so nobody queues behind a long wait; say when the request's answer came (or it failed) with
 * {@link RateSlot#done(Instant)}; and tell the budget what each answer said with
 * {@link #observe(int, ResponseHeaders, String, Instant)}. A slot counts from when its answer came, not from when it was
 * sent: the platform counts a request when it arrives, which is before its answer and may be well after its
 * sending, so a new request waits a window after the answer to the request it replaces in the window.
 */
public final class RateBudget {
    /** Slots remembered at most: a faster limit is kept as the same rate over a shorter window. */
    private static final int MAX_SLOTS = 1024;
    private static final Duration MIN_PADDING = Duration.ofMillis(50);
    /** REQUEST_TIMEOUT_SECONDS's largest value: no request is still in flight after it. */
    private static final long LONGEST_REQUEST_MILLIS = Duration.ofSeconds(900).toMillis();

    private final RateLimit limit;
    private final long windowMillis;
    /** The last slots taken, oldest first from {@link #oldest}; null when the limit is unknown. */
    private final RateSlot[] slots;
    private int oldest;
    private long latest = Long.MIN_VALUE;
    private long pausedUntil = Long.MIN_VALUE;
    /** Requests the platform last said were left, less those taken since, until {@link #platformResetAt}. */
    private int platformRemaining;
    private long platformResetAt = Long.MIN_VALUE;
    private int inFlight;
    /** Requests per window this process allows itself: the limit, halved after a 429, back up one at a time. */
    private int allowed;
    private int sinceChange;
    private long lastBackOff = Long.MIN_VALUE;

    private RateBudget(RateLimit limit) {
        this.limit = Objects.requireNonNull(limit, "limit");
        if (limit.isUnknown()) {
            this.slots = null;
            this.windowMillis = 0;
        } else {
            int size = Math.min(limit.requests(), MAX_SLOTS);
            Duration window = limit.per().multipliedBy(size).dividedBy(limit.requests());
            Duration padding = window.dividedBy(20);
            this.windowMillis = window.plus(padding.compareTo(MIN_PADDING) < 0 ? MIN_PADDING : padding).toMillis();
            this.slots = new RateSlot[size];
        }
        this.allowed = slots == null ? 0 : slots.length;
    }

    /**
     * @param limit the platform's documented rate, or {@link RateLimit#UNKNOWN} to pace only on what it answers
     * @return a budget with every slot free
     */
    public static RateBudget of(RateLimit limit) {
        return new RateBudget(limit);
    }

    /** @return the documented rate this budget keeps to */
    public RateLimit limit() {
        return limit;
    }

    /**
     * @param now the current time
     * @return how long until the next slot is free, zero when one is free now; nothing is taken
     */
    public synchronized Duration delay(Instant now) {
        return Duration.ofMillis(Math.max(0, nextSlot(now.toEpochMilli()) - now.toEpochMilli()));
    }

    /**
     * Takes the next slot if it comes within {@code longest}.
     *
     * @param now the current time
     * @param longest the longest the caller is willing to wait for it
     * @return the slot taken: wait {@link RateSlot#delay()} before sending, and call {@link RateSlot#done(Instant)}
     *     when the answer comes or the request fails; empty when the next slot is further away than {@code longest} and
     *     nothing was taken ({@link #delay(Instant)} says how far)
     */
    public synchronized Optional<RateSlot> acquire(Instant now, Duration longest) {
        long at = now.toEpochMilli();
        long next = nextSlot(at);
        long wait = Math.max(0, next - at);
        if (wait > longest.toMillis()) {
            return Optional.empty();
        }
        RateSlot slot = new RateSlot(this, next, Duration.ofMillis(wait));
        inFlight++;
        if (next < platformResetAt) {
            platformRemaining--;
        }
        if (slots != null) {
            slots[oldest] = slot;
            oldest = (oldest + 1) % slots.length;
        }
        latest = Math.max(latest, next);
        return Optional.of(slot);
    }

    /** Called by {@link RateSlot#done(Instant)}: the request's window counts from {@code at}. */
    synchronized void release(RateSlot slot, Instant at) {
        if (slot.finish(at.toEpochMilli())) {
            inFlight--;
        }
    }

    /**
     * Takes no request until {@code until}; an earlier time than one already set changes nothing.
     *
     * @param until when the platform will take requests again
     */
    public synchronized void pauseUntil(Instant until) {
        pausedUntil = Math.max(pausedUntil, until.toEpochMilli());
    }

    /**
     * Learns from an answer: {@code X-RateLimit-Remaining} requests (less this process's still in flight) are all
     * that may be sent until {@code X-RateLimit-Reset-After} (or {@code X-RateLimit-Reset}), so that instances
     * with budgets of their own still keep to the platform's count; none left pauses the budget until then; a 429
     * pauses it for its {@code Retry-After} (or Discord's {@code retry_after}, or Telegram's
     * {@code parameters.retry_after}, in the body). Values are clamped:
     * negative, unreadable or past ones are ignored, and none counts for more than an hour.
     *
     * @param status the HTTP status
     * @param headers the answer's headers
     * @param body the start of the answer's body (a few KB at most), possibly empty
     * @param now when the answer came
     * @return for a 429, the wait it asked for; empty otherwise, or when it gave none
     */
    public Optional<Duration> observe(int status, ResponseHeaders headers, String body, Instant now) {
        Optional<Integer> remaining = Waits.remaining(headers);
        Optional<Duration> reset = Waits.resetIn(headers, now);
        if (remaining.isPresent() && reset.isPresent()) {
            platformSays(remaining.get(), now.plus(reset.get()).toEpochMilli(), now.toEpochMilli());
        }
        if (status != 429) {
            if (status >= 200 && status < 300) {
                recover();
            }
            return Optional.empty();
        }
        backOff(now.toEpochMilli());
        Optional<Duration> asked = Waits.retryAfter(headers, body, now);
        asked.ifPresent(wait -> pauseUntil(now.plus(wait)));
        return asked;
    }

    /**
     * The platform counts every sender's requests: what it says is left, less this process's requests it has not
     * counted yet (those still in flight), is all there is until its count starts again. Within one count the
     * answer that leaves less wins, as answers may come back out of order.
     */
    private synchronized void platformSays(int remaining, long resetAt, long now) {
        if (remaining == 0) {
            pausedUntil = Math.max(pausedUntil, resetAt);
        }
        int left = remaining - inFlight;
        if (now < platformResetAt) {
            platformRemaining = Math.min(platformRemaining, left);
            platformResetAt = Math.max(platformResetAt, resetAt);
        } else {
            platformRemaining = left;
            platformResetAt = resetAt;
        }
    }

    /**
     * A 429 while keeping to the documented rate means other senders (other instances) share the webhook: allow
     * this process half as many requests per window, once per window at most.
     */
    private synchronized void backOff(long now) {
        if (slots != null && (lastBackOff == Long.MIN_VALUE || now - lastBackOff >= windowMillis)) {
            allowed = Math.max(1, allowed / 2);
            sinceChange = 0;
            lastBackOff = now;
        }
    }

    /** Each run of as many accepted requests as are allowed per window allows one more, up to the limit. */
    private synchronized void recover() {
        if (slots != null && allowed < slots.length && ++sinceChange >= allowed) {
            allowed++;
            sinceChange = 0;
        }
    }

    private long nextSlot(long now) {
        long next = Math.max(now, pausedUntil);
        if (now < platformResetAt && platformRemaining <= 0) {
            next = Math.max(next, platformResetAt);
        }
        // Slots are taken in time order: the one "allowed" places back is the oldest of a window of that many. One
        // whose answer has not come yet is counted as arriving now, at the earliest.
        RateSlot replaced = slots == null ? null : slots[Math.floorMod(oldest - allowed, slots.length)];
        if (replaced != null) {
            // One never said done (a caller's bug) stops holding the budget after the longest request there is.
            long counted = replaced.done() ? replaced.time()
                    : Math.max(replaced.time(), Math.min(now, replaced.time() + LONGEST_REQUEST_MILLIS));
            next = Math.max(next, Math.max(latest, counted + windowMillis));
        }
        return next;
    }

    @Override
    public String toString() {
        return "RateBudget[" + limit.requests() + " per " + limit.per() + "]";
    }
}
