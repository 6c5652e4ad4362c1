package dev.s3notify.core.queue;

import dev.s3notify.core.Link;
import dev.s3notify.core.aws.S3Pages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Index pages in S3 ({@code INDEX_BUCKET}, under {@code INDEX_PREFIX}), linked with a presigned GET that expires
 * with the files' own links (at most SigV4's 7 days; a week when the files' links do not expire). The template's
 * lifecycle rule deletes the pages after that.
 */
public final class S3IndexStore implements IndexStore {
    static final Duration LONGEST = Duration.ofDays(7);
    static final Duration SHORTEST = Duration.ofMinutes(1);

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
        // Whole seconds, rounded up, as SigV4's X-Amz-Expires counts them: the page expires with the files.
        Duration lifetime = expiresAt == null ? LONGEST
                : Duration.ofSeconds((Duration.between(now, expiresAt).toMillis() + 999) / 1000);
        lifetime = lifetime.compareTo(LONGEST) > 0 ? LONGEST : lifetime.compareTo(SHORTEST) < 0 ? SHORTEST : lifetime;
        return pages.put(prefix + name, html, now, lifetime, deadline);
    }
}
