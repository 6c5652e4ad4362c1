package dev.s3notify.teams;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.TextLimit;
import dev.s3notify.spi.MessageLimits;
import dev.s3notify.spi.WebhookFormatter;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts a {@code message} carrying one Adaptive Card 1.4 to a Workflows webhook, within Teams' 28 KB. Workflows
 * answer {@code 202 Accepted}; posting to a channel happens afterwards, inside the flow.
 */
final class TeamsFormatter implements WebhookFormatter {
    /**
     * Microsoft documents no rate for Workflows webhooks; Teams throttles a channel's connector posts at about 4 a
     * second, and Power Automate's Teams connector allows 100 calls a minute per connection. One a second keeps
     * within both, with no bursts.
     */
    static final RateLimit RATE_LIMIT = RateLimit.of(1, Duration.ofSeconds(1));
    /**
     * Teams' 28,000-byte body; the message text has no limit of its own, only what the card leaves of the body. An
     * error's explanation holds a code (100 code points), a message (300) and a hint.
     */
    static final MessageLimits LIMITS = MessageLimits.builder().bodyBytes(TeamsCard.MAX_BODY_BYTES)
            .error(TextLimit.codePoints(600)).build();

    /** @return a body of at most 28,000 bytes, which core fits the message into */
    @Override
    public MessageLimits limits() {
        return LIMITS;
    }

    /**
     * @param notification the event and the rendered message, fitted by core to {@link #limits()}
     * @return the Workflows webhook body
     */
    @Override
    public WebhookRequest format(Notification notification) {
        return WebhookRequest.json(TeamsCard.body(notification));
    }

    /**
     * @param digest the files
     * @return a card listing the files that fit in 28,000 bytes, with an "All files" button to the index page;
     *     empty when some do not fit and there is no index link
     */
    @Override
    public Optional<WebhookRequest> formatDigest(Digest digest) {
        return TeamsDigestCard.body(digest).map(WebhookRequest::json);
    }

    /** @return one request per second */
    @Override
    public RateLimit rateLimit() {
        return RATE_LIMIT;
    }

    /**
     * @param text a value from the event
     * @return the value with Teams Markdown escaped, on one line, unable to mention anyone
     */
    @Override
    public String escape(String text) {
        return TeamsMarkdown.escape(text);
    }

    /**
     * @param status the HTTP status
     * @param body the response body
     * @return "Teams: code: message", shortened, with a hint for 401, 403, 404 and 413; never the URL's signature
     */
    @Override
    public String describeError(int status, String body) {
        return WorkflowErrors.describe(status, body);
    }
}
