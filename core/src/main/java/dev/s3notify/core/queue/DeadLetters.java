package dev.s3notify.core.queue;

import dev.s3notify.core.error.DeliveryException;
import java.time.Instant;

/**
 * Parks a message no retry can deliver (the webhook deleted, its token revoked, the message refused) in its queue's
 * dead-letter queue at once, instead of letting it come back until the redrive policy's maxReceiveCount.
 */
public interface DeadLetters {
    /** For batches that do not come from a queue we can reach: nothing is parked, failures are retried. */
    DeadLetters NONE = (link, failure, deadline) -> false;

    /**
     * @param link the message, with its body and attributes as received
     * @param failure why it cannot be delivered
     * @param deadline when the calls must be over
     * @return whether it is now in the dead-letter queue (so it may be reported as done); false when its queue has
     *     none, and it is retried as before
     * @throws RuntimeException when the dead-letter queue could not be written; the message is retried
     */
    boolean park(QueuedLink link, DeliveryException failure, Instant deadline);
}
