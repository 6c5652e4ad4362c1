package dev.s3notify.core.internal;

import dev.s3notify.core.DeliveryException;
import dev.s3notify.core.Destination;
import dev.s3notify.core.Log;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * The one webhook sender every formatter shares. 2xx is delivered; 429 waits for {@code Retry-After} (or
 * Discord's {@code retry_after}) and retries; 5xx, 408, timeouts and dropped connections retry with exponential
 * backoff and full jitter; any other 4xx fails at once with the platform's explanation. It never waits past the
 * deadline, and never shows more of the webhook URL than its host.
 */
public final class WebhookSender {
    private static final Log LOG = Log.of(WebhookSender.class);
    static final Duration BACKOFF_BASE = Duration.ofMillis(500);
    static final Duration BACKOFF_CAP = Duration.ofSeconds(10);
    /** Path segments this long are taken for tokens (Discord's are 68 characters, Slack's 24). */

    private final HttpClient http;
    private final Duration timeout;
    private final int maxAttempts;
    private final Pause pause;
    private final RandomGenerator random;
    private final Clock clock;

    /** How the sender waits between attempts; tests record the waits instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        /**
         * @param duration how long to wait
         * @throws InterruptedException when interrupted
         */
        void pause(Duration duration) throws InterruptedException;
    }

    /**
     * What a delivery took.
     *
     * @param status the accepting HTTP status
     * @param attempts how many requests were made
     * @param elapsed from the first request to acceptance
     */
    public record Delivered(int status, int attempts, Duration elapsed) {
    }

    WebhookSender(HttpClient http, Duration timeout, int maxAttempts, Pause pause, RandomGenerator random,
            Clock clock) {
        this.http = http;
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.pause = pause;
        this.random = random;
        this.clock = clock;
    }

    /**
     * @param timeout the per-attempt timeout ({@code REQUEST_TIMEOUT_SECONDS})
     * @param maxAttempts attempts in all ({@code MAX_ATTEMPTS})
     * @return a sender over a shared HTTP client, real sleeps and the system clock
     */
    public static WebhookSender create(Duration timeout, int maxAttempts) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        // Jitter, not ThreadLocalRandom, whose seed a SnapStart snapshot would share between environments.
        return new WebhookSender(client, timeout, maxAttempts, d -> Thread.sleep(d.toMillis()), Jitter.SHARED,
                Clock.systemUTC());
    }

    /**
     * @param destination where to send, with its formatter (for per-attempt preparation and error wording)
     * @param request the formatted request
     * @param notification what it carries (for logs and per-attempt preparation)
     * @param deadline the latest moment a request may still be made or waited for
     * @return what the delivery took
     * @throws DeliveryException when the message was not accepted, naming the host, never the URL
     */
    public Delivered send(Destination destination, WebhookRequest request, Notification notification,
            Instant deadline) {
        Instant start = clock.instant();
        URI url = URI.create(destination.url().reveal());
        URI target = WebhookUrls.withQuery(url, request.query());
        String failure = "no attempt was made";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Instant now = clock.instant();
            Duration remaining = Duration.between(now, deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw failed(destination, notification, attempt - 1, failure + "; the Lambda deadline was reached");
            }
            WebhookRequest prepared = destination.formatter().prepareAttempt(request, now);
            Duration attemptTimeout = min(timeout, remaining);
            HttpResponse<String> response = null;
            try {
                response = http.send(build(target, prepared, attemptTimeout),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Delivered(status, attempt, Duration.between(start, clock.instant()));
                }
                String reason = WebhookUrls.scrub(destination.formatter().describeError(status, response.body()), url);
                failure = "HTTP " + status + (reason.isBlank() ? "" : ": " + reason);
                if (status != 429 && status != 408 && status < 500) {
                    throw failed(destination, notification, attempt, failure + " (not retried: the platform refused"
                            + " the message; check the webhook URL and the message)");
                }
            } catch (HttpTimeoutException e) {
                failure = "no answer within " + attemptTimeout.toMillis() + " ms";
            } catch (IOException e) {
                failure = "connection failed (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(destination, notification, attempt, "interrupted");
            }
            Duration wait = attempt == maxAttempts ? null : waitAfter(response, attempt);
            LOG.warn("webhook attempt failed", "eventId", notification.eventId(), "kind",
                    destination.kind(), "host", destination.host(), "attempt", attempt,
                    "error", failure, "retryInMs", wait == null ? null : wait.toMillis());
            if (wait != null) {
                waitBeforeRetry(wait, deadline, destination, notification, attempt, failure);
            }
        }
        throw failed(destination, notification, maxAttempts, failure + " (MAX_ATTEMPTS=" + maxAttempts + ")");
    }

    /** A 429's own wait when it gives one; otherwise (5xx, 408, timeouts, dropped connections) backoff. */
    private Duration waitAfter(HttpResponse<String> response, int attempt) {
        if (response != null && response.statusCode() == 429) {
            return RetryAfter.of(response, clock.instant()).orElseGet(() -> backoff(attempt));
        }
        return backoff(attempt);
    }

    private void waitBeforeRetry(Duration wait, Instant deadline, Destination destination,
            Notification notification, int attempt, String failure) {
        if (wait.compareTo(Duration.between(clock.instant(), deadline)) > 0) {
            throw failed(destination, notification, attempt, failure + "; the next attempt, due in "
                    + wait.toMillis() + " ms, would be after the Lambda deadline");
        }
        sleep(wait, destination, notification, attempt);
    }

    private void sleep(Duration wait, Destination destination, Notification notification, int attempt) {
        try {
            pause.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(destination, notification, attempt, "interrupted while waiting to retry");
        }
    }

    private static HttpRequest build(URI target, WebhookRequest request, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", request.contentType())
                .header("User-Agent", "s3-notify")
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::setHeader);
        return builder.build();
    }

    /** Full jitter: a random wait between zero and min(cap, base × 2^(attempt-1)). */
    Duration backoff(int attempt) {
        long ceiling = Math.min(BACKOFF_CAP.toMillis(), BACKOFF_BASE.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    private static DeliveryException failed(Destination destination, Notification notification, int attempts,
            String reason) {
        return new DeliveryException("webhook " + destination.kind() + " at " + destination.host()
                + " did not accept the message for event " + notification.eventId() + " (s3://"
                + notification.event().bucket() + "/" + notification.event().key() + ") after " + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ") + reason);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
