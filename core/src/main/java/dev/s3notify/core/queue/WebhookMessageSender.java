package dev.s3notify.core.queue;

import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.dispatch.WebhookSender;
import dev.s3notify.core.pacing.RateLimitedException;
import java.time.Instant;

/**
 * The queue path's sender: core's webhook sender, paced to the platform's documented rate and to what the webhook
 * answers, whose {@link RateLimitedException} (a wait too long to sleep through) becomes a deferral; or,
 * previewing, nothing sent at all.
 */
public final class WebhookMessageSender implements MessageSender {
    private final WebhookSender sender;

    /** @param sender core's sender, or null to send nothing (preview) */
    public WebhookMessageSender(WebhookSender sender) {
        this.sender = sender;
    }

    @Override
    public Result send(Destination destination, WebhookRequest request, Notification notification,
            Instant deadline) {
        if (sender == null) {
            return Result.sent(0);
        }
        try {
            return Result.sent(sender.send(destination, request, notification, deadline,
                    destination.rateLimit()).status());
        } catch (RateLimitedException e) {
            return Result.deferred(e.retryAfter());
        }
    }
}
