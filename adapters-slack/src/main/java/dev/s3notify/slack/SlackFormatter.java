package dev.s3notify.slack;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.TextLimit;
import dev.s3notify.spi.MessageLimits;
import dev.s3notify.spi.WebhookFormatter;
import java.time.Duration;
import java.util.Optional;

/** Posts Block Kit messages to a Slack incoming webhook, which answers 200 {@code ok}. */
final class SlackFormatter implements WebhookFormatter {
    /** Slack's documented rate for incoming webhooks: one message per second, short bursts allowed. */
    static final RateLimit RATE_LIMIT = RateLimit.of(1, Duration.ofSeconds(1));
    /**
     * A section's 3,000 UTF-16 units for the rendered message, never through an entity or a {@code <…>} sequence;
     * Slack documents no body limit for webhooks. An error's explanation: a reason of at most 200 units and a hint.
     */
    static final MessageLimits LIMITS = MessageLimits.builder().message(SlackMessage.TEXT)
            .error(TextLimit.utf16Units(400)).build();

    private final boolean button;

    /** @param button whether messages with a link carry a Download button */
    SlackFormatter(boolean button) {
        this.button = button;
    }

    /** @return the section's 3,000 UTF-16 units, links and entities whole, and 400 units for errors */
    @Override
    public MessageLimits limits() {
        return LIMITS;
    }

    /**
     * @param notification the event and the rendered template, cut by core to {@link #limits()}
     * @return a JSON request within Slack's Block Kit limits
     */
    @Override
    public WebhookRequest format(Notification notification) {
        return WebhookRequest.json(SlackMessage.body(notification, button));
    }

    /**
     * @param digest the files
     * @return a message listing the files that fit in 3,000-character sections (and the index link); empty when
     *     some do not fit and there is no index link
     */
    @Override
    public Optional<WebhookRequest> formatDigest(Digest digest) {
        return SlackDigest.body(digest).map(WebhookRequest::json);
    }

    /** @return one request per second */
    @Override
    public RateLimit rateLimit() {
        return RATE_LIMIT;
    }

    /**
     * @param text a value from the event
     * @return the value with Slack's control characters {@code & < >} as entities, {@code @everyone},
     *     {@code @here} and {@code @channel} broken by a zero-width space, bidirectional overrides replaced
     */
    @Override
    public String escape(String text) {
        return SlackText.escape(text);
    }

    /**
     * @param status the HTTP status
     * @param body Slack's plain-text reason, such as {@code no_service}, or a workflow webhook's JSON error
     * @return {@code Slack: <reason>} with a hint for the common reasons
     */
    @Override
    public String describeError(int status, String body) {
        return SlackErrors.describe(status, body);
    }
}
