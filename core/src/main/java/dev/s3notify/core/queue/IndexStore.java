package dev.s3notify.core.queue;

import dev.s3notify.core.Link;
import java.time.Instant;

/** Where digest index pages go: a place that can hold a small HTML page and hand out a link to it. */
public interface IndexStore {
    /**
     * @param name the page's name, unique to the batch and destination
     * @param html the page
     * @param expiresAt when the link must stop working at the latest (the earliest of the files' links' expiry), or
     *     null when the files' links do not expire
     * @param deadline when the write must be over
     * @return the link to the page, expiring no later than {@code expiresAt}; null, with nothing written, when no
     *     link could (the earliest file link has expired already)
     * @throws dev.s3notify.core.error.S3NotifyException when the page could not be written or linked; the caller
     *     does without it
     */
    Link publish(String name, String html, Instant expiresAt, Instant deadline);
}
