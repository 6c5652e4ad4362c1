package dev.s3notify.core.queue;

import dev.s3notify.core.Link;
import java.time.Instant;

/** Where digest index pages go: a place that can hold a small HTML page and hand out a link to it. */
public interface IndexStore {
    /**
     * @param name the page's name, unique to the batch and destination
     * @param html the page
     * @param expiresAt when the link should stop working (the files' links' expiry), or null for the default
     * @param deadline when the write must be over
     * @return the link to the page
     */
    Link publish(String name, String html, Instant expiresAt, Instant deadline);
}
