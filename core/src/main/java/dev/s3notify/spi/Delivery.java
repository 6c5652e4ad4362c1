package dev.s3notify.spi;

import dev.s3notify.core.WebhookRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a formatter's requests reach a destination that is not an HTTP webhook, such as an AWS service's API: one
 * call sends one request, as Retrofit's {@code Call.Factory} makes one call. A formatter supplies it through
 * {@link WebhookFormatter#delivery()}; without one, core's sender posts the request to the webhook URL over HTTPS.
 *
 * <p>Core's sender keeps everything else for every destination alike: pacing to the formatter's rate, retries with
 * backoff and full jitter, the Lambda deadline, the wording of refusals ({@link WebhookFormatter#describeError}) and
 * the removal of every known secret from it. So one call is one attempt: an implementation does not retry, and it
 * answers in HTTP's terms, which decide what the sender does next (2xx delivered; 403 and 404 for good; 429 and 5xx
 * retried). Implementations are immutable and thread-safe.
 *
 * @since 3
 */
public interface Delivery {

    /**
     * Sends one request, within the time given.
     *
     * @param destination the configured destination ({@code WEBHOOK_URL}'s value, such as a topic's ARN): a
     *     credential, never put in an exception message
     * @param request the request, prepared for this attempt ({@link WebhookFormatter#prepareAttempt})
     * @param timeout how long this attempt may take, all of it
     * @return what the destination answered
     * @throws IOException when no answer came; its message says why in a few words ("no answer within 2000 ms",
     *     "connection refused"), without a credential
     */
    Answer deliver(URI destination, WebhookRequest request, Duration timeout) throws IOException;

    /**
     * What the destination answered, in HTTP's terms.
     *
     * @param status the HTTP status that stands for the answer: 2xx accepted, 403 not authorised, 404 gone, 429
     *     throttled, 400 the message refused, 5xx the service failed
     * @param explanation what the service said (its error code and message), possibly empty; worded by the
     *     formatter's {@link WebhookFormatter#describeError} and redacted by core before it is shown
     */
    record Answer(int status, String explanation) {
        /** Rejects a missing explanation and a status outside 100 to 599. */
        public Answer {
            Objects.requireNonNull(explanation, "explanation (may be empty)");
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("an HTTP status is 100 to 599, not " + status);
            }
        }

        /** @return an answer saying the request was accepted (200) */
        public static Answer accepted() {
            return new Answer(200, "");
        }
    }
}
