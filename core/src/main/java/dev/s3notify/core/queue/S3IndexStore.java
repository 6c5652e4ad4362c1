package dev.s3notify.core.queue;

import dev.s3notify.core.Link;
import dev.s3notify.core.aws.S3Pages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Index pages in S3 ({@code INDEX_BUCKET}, under {@code INDEX_PREFIX}), linked with a presigned GET that never
 * outlives the earliest file link the page lists (nor SigV4's 7 days, a week when the files' links do not expire,
 * nor the credentials that sign it): the page is how a digest's files are reached, and it must not promise more than
 * they keep. The template's lifecycle rule deletes the pages after that.
 */
public final class S3IndexStore implements IndexStore {
    static final Duration LONGEST = Duration.ofDays(7);

    private final S3Pages pages;
    private final String prefix;
    private final Clock clock;

    /**
     * @param pages the bucket's pages ({@code INDEX_BUCKET})
     * @param prefix the key prefix ({@code INDEX_PREFIX}), or null for none
     * @param clock the time links count from
     */
    public S3IndexStore(S3Pages pages, String prefix, Clock clock) {
        this.pages = pages;
        this.prefix = prefix == null ? "" : prefix;
        this.clock = clock;
    }

    @Override
    public Link publish(String name, String html, Instant expiresAt, Instant deadline) {
        Instant now = clock.instant();
        Instant until = expiresAt == null || expiresAt.isAfter(now.plus(LONGEST)) ? now.plus(LONGEST) : expiresAt;
        // Whole seconds, rounded down, as SigV4's X-Amz-Expires counts them from a signing time it also rounds
        // down: the page's link ends at or before the earliest file link, never after it.
        long seconds = Duration.between(now, until).getSeconds();
        if (seconds < 1) {
            return null;
        }
        return pages.put(prefix + name, html, now, Duration.ofSeconds(seconds), deadline);
    }
}
