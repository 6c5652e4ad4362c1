package dev.s3notify.core.queue;

import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.Destination;
import java.time.Duration;
import java.time.Instant;

/** Posts one message, or says when it may be tried again; never sleeps through a long wait. */
interface MessageSender {

    /**
     * What a send came to when it did not fail.
     *
     * @param status the accepting HTTP status, or 0 when deferred
     * @param retryAfter how long to wait before trying again when the platform is rate limiting, else null
     */
    record Result(int status, Duration retryAfter) {
        static Result sent(int status) {
            return new Result(status, null);
        }

        static Result deferred(Duration retryAfter) {
            return new Result(0, retryAfter);
        }

        boolean deferred() {
            return retryAfter != null;
        }
    }

    /**
     * @param destination where to
     * @param request what to post
     * @param notification what it carries (logs, per-attempt signing)
     * @param deadline when the invocation must be over
     * @return sent, or deferred with the wait the platform asks for
     * @throws dev.s3notify.core.error.DeliveryException when the message was not accepted
     */
    Result send(Destination destination, WebhookRequest request, Notification notification, Instant deadline);
}
