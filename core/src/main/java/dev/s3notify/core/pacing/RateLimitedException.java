package dev.s3notify.core.pacing;

import dev.s3notify.core.error.S3NotifyException;
import java.time.Duration;
import java.util.Objects;

/**
 * A message was not sent because the webhook's rate budget has no slot soon enough: the platform answered 429, or
 * said it has no requests left, or this process has used up the platform's documented rate. Nothing was accepted;
 * the message may be sent again after {@link #retryAfter()}.
 *
 * <p>A caller consuming SQS sets the message's visibility timeout to {@link #retryAfterSeconds()} and reports it as
 * a batch item failure instead of sleeping; the direct path lets it fail the invocation, so Lambda retries later.
 * Either way a long wait is never slept inside an invocation. The message names the webhook's host, never its URL.
 *
 * <p>Not a {@link dev.s3notify.core.error.DeliveryException}: nothing failed, the message is only not sent yet, so a
 * caller that parks failures no retry can fix never parks a deferral.
 */
public final class RateLimitedException extends S3NotifyException {
    private static final long serialVersionUID = 1L;
    /** SQS's longest visibility timeout: no message is deferred for longer. The one place it is written. */
    public static final Duration LONGEST_DEFERRAL = Duration.ofHours(12);

    private final Duration retryAfter;

    /**
     * @param message what was not sent, where to, and for how long the platform is unavailable
     * @param retryAfter how long to wait before sending again: at least what the platform asked, jitter included
     */
    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        Objects.requireNonNull(retryAfter, "retryAfter");
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    /** @return how long to wait before sending again, never negative; jitter is already added */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * @return {@link #retryAfter()} as {@link #visibilitySeconds(Duration)}
     */
    public int retryAfterSeconds() {
        return visibilitySeconds(retryAfter);
    }

    /**
     * @param timeout how long a message is to stay hidden
     * @return it in whole seconds, rounded up, between zero and {@link #LONGEST_DEFERRAL}, ready for
     *     {@code ChangeMessageVisibility}
     */
    public static int visibilitySeconds(Duration timeout) {
        if (timeout.isNegative()) {
            return 0;
        }
        long seconds = timeout.toSeconds() + (timeout.getNano() == 0 ? 0 : 1);
        return (int) Math.min(seconds, LONGEST_DEFERRAL.toSeconds());
    }
}
