package dev.s3notify.mattermost;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.TextLimit;
import dev.s3notify.spi.MessageLimits;
import dev.s3notify.spi.WebhookFormatter;
import java.time.Duration;
import java.util.Optional;

/** Posts to a Mattermost incoming webhook, which answers 200 {@code ok}. */
final class MattermostFormatter implements WebhookFormatter {
    /**
     * Mattermost's rate limiting, when an admin turns it on (it is off by default): 10 requests a second per
     * client, bursts of 100, its {@code RateLimitSettings} defaults.
     */
    static final RateLimit RATE_LIMIT = RateLimit.of(10, Duration.ofSeconds(1));
    /** Mattermost's {@code MaximumPayloadSizeBytes} default: the largest request body its server reads. */
    static final int MAX_BODY_BYTES = 300_000;
    /** A post's 16,383 code points, links and entities whole; 300,000-byte bodies; 400 code points for errors. */
    static final MessageLimits LIMITS = MessageLimits.builder().message(MattermostMessage.TEXT)
            .bodyBytes(MAX_BODY_BYTES).error(TextLimit.codePoints(400)).build();

    private final MattermostVariables.Settings settings;

    /** @param settings the overrides and the format */
    MattermostFormatter(MattermostVariables.Settings settings) {
        this.settings = settings;
    }

    /** @return 16,383 code points of text, 300,000-byte bodies, 400 code points for errors */
    @Override
    public MessageLimits limits() {
        return LIMITS;
    }

    /**
     * @param notification the event and the rendered template, cut by core to {@link #limits()}
     * @return an attachment, or Markdown text, within Mattermost's limits
     */
    @Override
    public WebhookRequest format(Notification notification) {
        return WebhookRequest.json(MattermostMessage.body(notification, settings));
    }

    /**
     * @param digest the files
     * @return a post listing the files whose links fit in 16,383 code points (and the index link); empty when some
     *     do not fit and there is no index link
     */
    @Override
    public Optional<WebhookRequest> formatDigest(Digest digest) {
        return MattermostDigest.body(digest, settings).map(WebhookRequest::json);
    }

    /** @return 10 requests a second */
    @Override
    public RateLimit rateLimit() {
        return RATE_LIMIT;
    }

    /**
     * @param text a value from the event
     * @return the value with {@code & < >} as entities, Markdown punctuation backslash-escaped and a zero-width
     *     joiner after every {@code @}, so it shows as typed and mentions no one
     */
    @Override
    public String escape(String text) {
        return MattermostText.escape(text);
    }

    /**
     * @param status the HTTP status
     * @param body Mattermost's JSON error, or its rate limiter's plain {@code limit exceeded}
     * @return {@code Mattermost: <message> (<id>; <hint>)}
     */
    @Override
    public String describeError(int status, String body) {
        return MattermostErrors.describe(status, body);
    }
}
