package dev.s3notify.core.dispatch;

import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import dev.s3notify.core.pacing.Pacing;
import dev.s3notify.core.pacing.RateBudget;
import dev.s3notify.core.pacing.RateLimitedException;
import dev.s3notify.core.pacing.RateSlot;
import dev.s3notify.spi.Delivery;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One message's attempts at one webhook: the sender's loop, with what it has learnt so far. */
final class Attempts {
    private final WebhookSender sender;
    private final Destination destination;
    private final Notification notification;
    private final Instant deadline;
    private final RateBudget budget;
    private final URI url;
    private final Instant start;
    private String failure = "no attempt was made";
    /** Why the last attempt failed, its status (0: no answer) and the platform's words, redacted. */
    private FailureReason reason = FailureReason.TIMEOUT;
    private int status;
    private String detail = "";
    private boolean rateLimited;
    private Refusal refusal;

    Attempts(WebhookSender sender, Destination destination, Notification notification, Instant deadline,
            RateBudget budget) {
        this.sender = sender;
        this.destination = destination;
        this.notification = notification;
        this.deadline = deadline;
        this.budget = budget;
        this.url = URI.create(destination.url().reveal());
        this.start = sender.clock().instant();
    }

    WebhookSender.Delivered run(WebhookRequest request) {
        URI target = WebhookUrls.withQuery(url, request.query());
        int max = sender.maxAttempts();
        for (int attempt = 1; attempt <= max; attempt++) {
            checkDeadline(attempt - 1);
            RateSlot slot = takeSlot(attempt - 1);
            Exchange.Answer answer;
            try {
                answer = post(target, request, attempt);
            } finally {
                // Whatever happened, the slot counts from now: a slot never released would hold the budget.
                slot.done(sender.clock().instant());
            }
            if (answer != null && answer.status() >= 200 && answer.status() < 300) {
                budget.observe(answer.status(), answer.headers(), "", sender.clock().instant());
                return new WebhookSender.Delivered(answer.status(), attempt,
                        Duration.between(start, sender.clock().instant()));
            }
            if (answer != null) {
                refused(answer, attempt);
            }
            if (attempt < max) {
                retryLater(attempt);
            }
        }
        if (rateLimited) {
            throw handedBack(max, budget.delay(sender.clock().instant()), "MAX_ATTEMPTS=" + max + " reached");
        }
        throw failed(max, failure + " (MAX_ATTEMPTS=" + max + ")");
    }

    /** One attempt's request: the answer, or null with {@link #failure} saying why none came. */
    private Exchange.Answer post(URI target, WebhookRequest request, int attempt) {
        checkDeadline(attempt - 1);
        Instant now = sender.clock().instant();
        WebhookRequest prepared = destination.formatter().prepareAttempt(request, now);
        Duration limit = shorter(sender.timeout(), Duration.between(now, deadline));
        refusal = new Refusal(destination.formatter(), Refusal.secrets(url, target, prepared, sender.secrets(),
                notification.event().fileUrl()));
        rateLimited = false;
        Optional<Delivery> own = destination.formatter().delivery();
        try {
            return own.isPresent() ? Exchange.deliver(own.get(), url, prepared, limit)
                    : Exchange.post(sender.http(), target, prepared, limit);
        } catch (Exchange.Failed e) {
            noAnswer(e.getMessage());
            return null;
        }
    }

    /** Keeps what a refusal says; throws for one that no retry can change. */
    private void refused(Exchange.Answer answer, int attempt) {
        int status = answer.status();
        String raw = new String(answer.body(), StandardCharsets.UTF_8);
        Optional<Duration> asked = budget.observe(status, answer.headers(), raw, sender.clock().instant());
        failure = refusal.describe(answer);
        this.status = status;
        this.reason = FailureReason.ofStatus(status);
        this.detail = failure;
        if (status >= 300 && status < 400) {
            throw failed(attempt, refusal.redirect(answer));
        }
        if (status == 429) {
            rateLimited = true;
            if (asked.isEmpty()) {
                budget.pauseUntil(sender.clock().instant().plus(sender.backoff().delay(attempt)));
            }
        } else if (status != 408 && status < 500) {
            throw failed(attempt, failure + (status == 413 ? " (not retried: the platform found the message too"
                    + " large)" : " (not retried: the platform refused the message; check the webhook URL and the"
                    + " message)"));
        }
    }

    /** No status came: the words say why ("no answer within 2000 ms", "connection refused"). */
    private void noAnswer(String words) {
        failure = words;
        status = 0;
        detail = words;
        reason = words.startsWith("no answer") || words.contains("in time") ? FailureReason.TIMEOUT
                : FailureReason.CONNECTION;
    }

    /** Takes a slot of the webhook's budget, waiting for it only when it comes soon. */
    private RateSlot takeSlot(int attemptsMade) {
        Instant now = sender.clock().instant();
        Duration remaining = Duration.between(now, deadline);
        Optional<RateSlot> slot = budget.acquire(now, shorter(sender.longestPause(), remaining));
        if (slot.isEmpty()) {
            Duration delay = budget.delay(now);
            throw handedBack(attemptsMade, delay, delay.compareTo(sender.longestPause()) > 0
                    ? "longer than the " + sender.longestPause().toMillis() + " ms waited inside an invocation"
                    : "after the Lambda deadline");
        }
        Duration wait = slot.get().delay();
        if (!wait.isZero()) {
            try {
                sleep(shorter(Pacing.shortWait(wait, sender.backoff()), remaining), attemptsMade);
            } catch (DeliveryException e) {
                slot.get().done(sender.clock().instant());
                throw e;
            }
        }
        return slot.get();
    }

    /** After a 429 the next slot is the wait; after anything else, backoff with full jitter. */
    private void retryLater(int attempt) {
        Duration wait = rateLimited ? budget.delay(sender.clock().instant()) : sender.backoff().delay(attempt);
        WebhookSender.log().warn("webhook attempt failed", "eventId", notification.eventId(), "kind",
                destination.kind(), "host", destination.host(), "attempt", attempt, "error", failure,
                "retryInMs", wait.toMillis());
        if (rateLimited) {
            return;
        }
        if (wait.compareTo(Duration.between(sender.clock().instant(), deadline)) > 0) {
            throw failed(attempt, failure + "; the next attempt, due in " + wait.toMillis()
                    + " ms, would be after the Lambda deadline");
        }
        sleep(wait, attempt);
    }

    private void checkDeadline(int attemptsMade) {
        if (!sender.clock().instant().isBefore(deadline)) {
            throw failed(attemptsMade, failure + "; the Lambda deadline was reached");
        }
    }

    private void sleep(Duration wait, int attemptsMade) {
        try {
            sender.backoff().sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = FailureReason.OTHER;
            throw failed(attemptsMade, "interrupted while waiting to retry");
        }
    }

    private RateLimitedException handedBack(int attemptsMade, Duration delay, String why) {
        Duration retryAfter = Pacing.handedBack(delay, sender.backoff());
        String before = attemptsMade == 0 ? "" : failure + "; ";
        return new RateLimitedException(what(attemptsMade) + before + "rate limited: the webhook can take the"
                + " next request in " + delay.toMillis() + " ms, " + why + "; not waited for: send it again in "
                + retryAfter.toMillis() + " ms or later", retryAfter);
    }

    private DeliveryException failed(int attempts, String why) {
        return new DeliveryException(reason, status, detail, what(attempts) + why);
    }

    private String what(int attempts) {
        return "webhook " + destination.kind() + " at " + destination.host()
                + " did not accept the message for event " + notification.eventId() + " (s3://"
                + notification.event().bucket() + "/" + notification.event().key() + ") after " + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ");
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
