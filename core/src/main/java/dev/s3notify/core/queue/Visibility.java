package dev.s3notify.core.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Hides messages from their queue for a while: what was rate-limited comes back when the platform allows. */
public interface Visibility {
    /** For batches that do not come from a queue we can reach (the command line): nothing is changed. */
    Visibility NONE = (links, timeout, deadline) -> Failures.NONE;

    /**
     * Each queue's messages are hidden independently of the others': one queue that fails does not keep the other
     * queues' messages from being hidden. A message not hidden comes back after its queue's own visibility timeout.
     *
     * @param links the messages to hide
     * @param timeout for how long, from now
     * @param deadline when the calls must be over
     * @return how many messages could not be hidden, and the first reason
     */
    Failures defer(List<QueuedLink> links, Duration timeout, Instant deadline);
}
