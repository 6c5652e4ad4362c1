package dev.s3notify.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A platform's documented sending rate for one webhook, declared as data by its formatter (Discord: 5 requests
 * per 2 seconds; Slack: about 1 per second). Core's sender paces itself to it and to the rate-limit headers the
 * platform sends back; formatters declare, they do not pace.
 *
 * @param requests how many requests may be sent in one window, at least 1
 * @param per the window, positive
 */
public record RateLimit(int requests, Duration per) {
    /** No documented limit: the sender paces only on what the platform answers (429, rate-limit headers). */
    public static final RateLimit UNKNOWN = new RateLimit(Integer.MAX_VALUE, Duration.ofSeconds(1));

    /** Rejects a non-positive count or window. */
    public RateLimit {
        Objects.requireNonNull(per, "per");
        if (requests < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per positive window, not "
                    + requests + " per " + per);
        }
    }

    /**
     * @param requests how many requests
     * @param per in how long a window
     * @return the limit
     */
    public static RateLimit of(int requests, Duration per) {
        return new RateLimit(requests, per);
    }

    /** @return whether the platform documents no limit */
    public boolean isUnknown() {
        return requests == Integer.MAX_VALUE;
    }

    /** @return the even spacing between requests that keeps within the limit */
    public Duration interval() {
        return isUnknown() ? Duration.ZERO : per.dividedBy(requests);
    }
}
