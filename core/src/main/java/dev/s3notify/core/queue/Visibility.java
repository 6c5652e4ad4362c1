package dev.s3notify.core.queue;

import java.time.Duration;
import java.util.List;

/** Hides messages from their queue for a while: what was rate-limited comes back when the platform allows. */
public interface Visibility {
    /** For batches that do not come from a queue we can reach (the command line): nothing is changed. */
    Visibility NONE = (links, timeout) -> {
    };

    /**
     * @param links the messages to hide
     * @param timeout for how long, from now
     */
    void defer(List<QueuedLink> links, Duration timeout);
}
