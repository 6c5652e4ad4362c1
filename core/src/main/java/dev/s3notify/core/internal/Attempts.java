package dev.s3notify.core.internal;

import dev.s3notify.core.DeliveryException;
import dev.s3notify.core.Destination;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.pacing.RateBudget;
import dev.s3notify.core.pacing.RateLimitedException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private boolean rateLimited;

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
            RateBudget.Slot slot = takeSlot(attempt - 1);
            Instant now = sender.clock().instant();
            WebhookRequest prepared = destination.formatter().prepareAttempt(request, notification,
                    destination.settings(), now);
            Duration limit = shorter(sender.timeout(), Duration.between(now, deadline));
            rateLimited = false;
            try {
                checkDeadline(attempt - 1);
                Exchange.Answer answer = exchange(slot, WebhookSender.build(target, prepared, limit), limit);
                if (answer.status() >= 200 && answer.status() < 300) {
                    budget.observe(answer.status(), answer.headers(), "", sender.clock().instant());
                    return new WebhookSender.Delivered(answer.status(), attempt,
                            Duration.between(start, sender.clock().instant()));
                }
                refused(answer, attempt, target, prepared, limit);
            } catch (Exchange.Failed e) {
                failure = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(attempt, "interrupted");
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

    /** One request, its slot counted from when its answer came. */
    private Exchange.Answer exchange(RateBudget.Slot slot, java.net.http.HttpRequest request, Duration limit)
            throws Exchange.Failed, InterruptedException {
        try {
            return Exchange.post(sender.http(), request, limit);
        } finally {
            slot.done(sender.clock().instant());
        }
    }

    /** Keeps what a refusal says; throws for one that no retry can change. */
    private void refused(Exchange.Answer answer, int attempt, URI target, WebhookRequest prepared, Duration limit) {
        int status = answer.status();
        String raw = new String(answer.body(), StandardCharsets.UTF_8);
        Optional<Duration> asked = budget.observe(status, answer.headers(), raw, sender.clock().instant());
        failure = "HTTP " + status + reason(answer, target, prepared)
                + (answer.complete() ? "" : " (the rest of the answer did not come within " + limit.toMillis()
                        + " ms)");
        if (status >= 300 && status < 400) {
            throw failed(attempt, "HTTP " + status + ": redirected" + location(answer) + "; not followed (a message"
                    + " is only ever posted to the configured webhook URL): if the webhook moved, set its new URL");
        }
        if (status == 429) {
            rateLimited = true;
            if (asked.isEmpty()) {
                budget.pauseUntil(sender.clock().instant().plus(sender.backoff(attempt)));
            }
        } else if (status != 408 && status < 500) {
            throw failed(attempt, failure + (status == 413 ? " (not retried: the platform found the message too"
                    + " large)" : " (not retried: the platform refused the message; check the webhook URL and the"
                    + " message)"));
        }
    }

    private String reason(Exchange.Answer answer, URI target, WebhookRequest prepared) {
        String text = ResponseText.decode(answer.body(), answer.headers().firstValue("Content-Type").orElse(""));
        String described;
        try {
            described = destination.formatter().describeError(answer.status(), text);
        } catch (RuntimeException e) {
            described = text;
        }
        boolean cutShort = !answer.complete() || answer.body().length >= Exchange.KEEP;
        String quoted = ResponseText.quote(described, secrets(target, prepared), cutShort);
        return quoted.isEmpty() ? "" : ": " + quoted;
    }

    private static String location(Exchange.Answer answer) {
        Optional<String> location = answer.headers().firstValue("Location");
        if (location.isEmpty()) {
            return "";
        }
        try {
            String host = URI.create(location.get().trim()).getHost();
            return host == null ? " elsewhere on the same host"
                    : " to " + ResponseText.quote(host, List.of(), false);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Every value that must not be quoted from this webhook's answers. */
    private List<String> secrets(URI target, WebhookRequest prepared) {
        List<String> secrets = new ArrayList<>(WebhookUrls.secrets(url));
        secrets.addAll(WebhookUrls.secrets(target));
        secrets.addAll(prepared.headers().values());
        secrets.addAll(sender.secrets());
        String link = notification.event().fileUrl();
        if (link != null && link.contains("?")) {
            // A presigned link's signature, credential and token, should the server quote the message back.
            try {
                secrets.addAll(WebhookUrls.secrets(URI.create(link)));
            } catch (IllegalArgumentException e) {
                secrets.add(link);
            }
        }
        return secrets;
    }

    /** Takes a slot of the webhook's budget, waiting for it only when it comes soon. */
    private RateBudget.Slot takeSlot(int attemptsMade) {
        Instant now = sender.clock().instant();
        Duration remaining = Duration.between(now, deadline);
        Optional<RateBudget.Slot> slot = budget.acquire(now, shorter(sender.longestPause(), remaining));
        if (slot.isEmpty()) {
            Duration delay = budget.delay(now);
            throw handedBack(attemptsMade, delay, delay.compareTo(sender.longestPause()) > 0
                    ? "longer than the " + sender.longestPause().toMillis() + " ms waited inside an invocation"
                    : "after the Lambda deadline");
        }
        Duration wait = slot.get().delay();
        if (!wait.isZero()) {
            try {
                sleep(shorter(wait.plus(sender.jitter(WebhookSender.SLOT_JITTER)), remaining), attemptsMade);
            } catch (DeliveryException e) {
                slot.get().done(sender.clock().instant());
                throw e;
            }
        }
        return slot.get();
    }

    /** After a 429 the next slot is the wait; after anything else, backoff with full jitter. */
    private void retryLater(int attempt) {
        Duration wait = rateLimited ? budget.delay(sender.clock().instant()) : sender.backoff(attempt);
        WebhookSender.log().warn("webhook attempt failed", "eventId", notification.eventId(), "kind",
                destination.formatter().kind(), "host", destination.host(), "attempt", attempt, "error", failure,
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
            sender.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(attemptsMade, "interrupted while waiting to retry");
        }
    }

    private RateLimitedException handedBack(int attemptsMade, Duration delay, String why) {
        Duration half = delay.dividedBy(2);
        Duration retryAfter = delay.plus(sender.jitter(half.compareTo(WebhookSender.HANDED_BACK_JITTER) > 0 ? half
                : WebhookSender.HANDED_BACK_JITTER));
        String before = attemptsMade == 0 ? "" : failure + "; ";
        return new RateLimitedException(what(attemptsMade) + before + "rate limited: the webhook can take the"
                + " next request in " + delay.toMillis() + " ms, " + why + "; not waited for: send it again in "
                + retryAfter.toMillis() + " ms or later", retryAfter);
    }

    private DeliveryException failed(int attempts, String reason) {
        return new DeliveryException(what(attempts) + reason);
    }

    private String what(int attempts) {
        return "webhook " + destination.formatter().kind() + " at " + destination.host()
                + " did not accept the message for event " + notification.eventId() + " (s3://"
                + notification.event().bucket() + "/" + notification.event().key() + ") after " + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ");
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
