package dev.s3notify.core.dispatch;

import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.pacing.Pacing;
import dev.s3notify.core.pacing.RateBudget;
import dev.s3notify.core.pacing.RateBudgets;
import dev.s3notify.core.pacing.RateLimitedException;
import dev.s3notify.core.support.Backoff;
import dev.s3notify.core.support.Jitter;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.support.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The one webhook sender every formatter shares. 2xx is delivered; 5xx, 408, timeouts and dropped connections
 * retry with exponential backoff and full jitter; 3xx is not followed; any other 4xx fails at once with the
 * platform's explanation, redacted and quoted briefly. Every attempt, body included, ends by its timeout, and
 * nothing waits past the deadline.
 *
 * <p>Requests are paced: each takes a slot of its webhook's {@link RateBudget} first. A slot within a short wait
 * ({@link #Pacing.LONGEST_WAIT}) is waited for, with jitter; a later one, a 429 asking for longer, or the last attempt
 * answered 429 ends the send with a {@link RateLimitedException} carrying when to try again, instead of sleeping.
 * Only the webhook's host is ever shown. A destination whose formatter has its own
 * {@link dev.s3notify.spi.Delivery} (an SNS topic) gets each attempt through it instead of HTTP, by the same rules.
 */
public final class WebhookSender {
    private static final Log LOG = Log.of(WebhookSender.class);
    static final Duration BACKOFF_BASE = Duration.ofMillis(500);
    static final Duration BACKOFF_CAP = Duration.ofSeconds(10);

    private final HttpTransport http;
    private final Duration timeout;
    private final Backoff backoff;
    private final Clock clock;
    private final RateBudgets budgets;
    private final Duration longestPause;
    private final List<String> secrets;

    /**
     * What a delivery took.
     *
     * @param status the accepting HTTP status
     * @param attempts how many requests were made
     * @param elapsed from the first request to acceptance
     */
    public record Delivered(int status, int attempts, Duration elapsed) {
    }

    WebhookSender(HttpTransport http, Duration timeout, int maxAttempts, Sleeper sleeper, RandomGenerator random,
            Clock clock) {
        this(http, timeout, new Backoff(BACKOFF_BASE, BACKOFF_CAP, maxAttempts, sleeper, random), clock,
                RateBudgets.create(), Pacing.LONGEST_WAIT, List.of());
    }

    private WebhookSender(HttpTransport http, Duration timeout, Backoff backoff, Clock clock,
            RateBudgets budgets, Duration longestPause, List<String> secrets) {
        this.http = http;
        this.timeout = timeout;
        this.backoff = backoff;
        this.clock = clock;
        this.budgets = budgets;
        this.longestPause = longestPause;
        this.secrets = List.copyOf(secrets);
    }

    /**
     * @param timeout the per-attempt timeout ({@code REQUEST_TIMEOUT_SECONDS}), body included
     * @param maxAttempts attempts in all ({@code MAX_ATTEMPTS})
     * @return a sender over the process's shared connections and rate budgets, with real sleeps and the system
     *     clock
     */
    public static WebhookSender create(Duration timeout, int maxAttempts) {
        // Jitter, not ThreadLocalRandom, whose seed a SnapStart snapshot would share between environments.
        return new WebhookSender(HttpTransport.shared(), timeout, new Backoff(BACKOFF_BASE, BACKOFF_CAP, maxAttempts,
                Sleeper.THREAD, Jitter.SHARED), Clock.systemUTC(), RateBudgets.shared(), Pacing.LONGEST_WAIT, List.of());
    }

    /**
     * Sets up the shared connections' TLS now rather than on the first https request: before a SnapStart snapshot,
     * so that restored environments start with it (the JDK's CA certificates read, its TLS classes loaded).
     */
    public static void prepareTls() {
        HttpTransport.shared().prepareTls();
    }

    /**
     * @param known values that must never be quoted from a server's answer (header values, signing secrets, AWS
     *     credentials), besides the webhook URL's parts and the request's headers, which are always removed
     * @return a copy that also removes these
     */
    public WebhookSender redacting(Collection<Secret> known) {
        List<String> all = new ArrayList<>(secrets);
        known.forEach(secret -> all.add(secret.reveal()));
        return new WebhookSender(http, timeout, backoff, clock, budgets, longestPause, all);
    }

    /**
     * @param shared the rate budgets to take slots from
     * @param longest the longest wait for a slot slept inside an invocation (at most a few seconds)
     * @return a copy that paces with these
     */
    public WebhookSender pacedBy(RateBudgets shared, Duration longest) {
        return new WebhookSender(http, timeout, backoff, clock, shared, longest, secrets);
    }

    /**
     * @param destination where to send
     * @param limit the platform's documented rate
     * @return the budget this sender paces that webhook with, to ask how long until it has a slot
     */
    public RateBudget budget(Destination destination, RateLimit limit) {
        return budgets.forWebhook(destination.url(), limit);
    }

    /**
     * Sends with no documented rate: paced only by what the platform answers.
     *
     * @see #send(Destination, WebhookRequest, Notification, Instant, RateLimit)
     */
    public Delivered send(Destination destination, WebhookRequest request, Notification notification,
            Instant deadline) {
        return send(destination, request, notification, deadline, RateLimit.UNKNOWN);
    }

    /**
     * @param destination where to send, with its formatter (for per-attempt preparation and error wording)
     * @param request the formatted request
     * @param notification what it carries (for logs and per-attempt preparation)
     * @param deadline the latest moment a request may still be made or waited for
     * @param limit the platform's documented rate, which the webhook's budget keeps to
     * @return what the delivery took
     * @throws RateLimitedException when the webhook cannot take the message soon enough: try again after its
     *     {@code retryAfter()}
     * @throws DeliveryException when the message was not accepted, naming the host, never the URL
     */
    public Delivered send(Destination destination, WebhookRequest request, Notification notification,
            Instant deadline, RateLimit limit) {
        Attempts attempts = new Attempts(this, destination, notification, deadline, budget(destination, limit));
        return attempts.run(request);
    }

    Clock clock() {
        return clock;
    }

    int maxAttempts() {
        return backoff.maxAttempts();
    }

    Duration timeout() {
        return timeout;
    }

    Duration longestPause() {
        return longestPause;
    }

    List<String> secrets() {
        return secrets;
    }

    HttpTransport http() {
        return http;
    }

    /** @return the backoff between attempts (full jitter, {@link #BACKOFF_BASE} to {@link #BACKOFF_CAP}) */
    Backoff backoff() {
        return backoff;
    }

    static Log log() {
        return LOG;
    }
}
