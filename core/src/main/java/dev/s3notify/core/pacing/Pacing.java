package dev.s3notify.core.pacing;

import dev.s3notify.core.support.Backoff;
import java.time.Duration;

/**
 * The rules every pacer of this process keeps to, the queue path's {@link Pacer} and the webhook sender's
 * {@link RateBudget} alike, written once: how long a wait for the platform's rate may be slept inside an invocation,
 * and how much jitter a wait gets, so that waiters in several environments do not all send again together.
 */
public final class Pacing {
    /** The longest wait for a rate-limit slot slept inside an invocation; a longer one is handed back. */
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(1);
    /** The most jitter added to a short wait that is slept through. */
    public static final Duration SHORT_WAIT_JITTER = Duration.ofMillis(100);
    /** The least wait, and the least jitter, of a wait handed back. */
    private static final Duration LEAST_HANDED_BACK = Duration.ofSeconds(1);

    private Pacing() {
    }

    /**
     * The one jitter rule for a wait handed back: at least a second, plus up to a fifth more (at least a second
     * more), and never longer than {@link RateLimitedException#LONGEST_DEFERRAL}.
     *
     * @param wait how long the platform's rate keeps a message back
     * @param jitter where the jitter is drawn
     * @return how long to hand the message back for
     */
    public static Duration handedBack(Duration wait, Backoff jitter) {
        Duration base = wait.compareTo(LEAST_HANDED_BACK) < 0 ? LEAST_HANDED_BACK : wait;
        Duration fifth = base.dividedBy(5);
        Duration timeout = base.plus(jitter.upTo(fifth.compareTo(LEAST_HANDED_BACK) < 0 ? LEAST_HANDED_BACK : fifth));
        return timeout.compareTo(RateLimitedException.LONGEST_DEFERRAL) > 0 ? RateLimitedException.LONGEST_DEFERRAL
                : timeout;
    }

    /**
     * @param wait a short wait about to be slept through
     * @param jitter where the jitter is drawn
     * @return it plus up to {@link #SHORT_WAIT_JITTER}
     */
    public static Duration shortWait(Duration wait, Backoff jitter) {
        return wait.plus(jitter.upTo(SHORT_WAIT_JITTER));
    }
}
