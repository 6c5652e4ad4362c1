package dev.s3notify.googlechat;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.Boundary;
import dev.s3notify.core.text.TextLimit;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.MessageLimits;
import dev.s3notify.spi.WebhookFormatter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Posts a message with the rendered text and one {@code cardsV2} card to a Google Chat space's incoming webhook,
 * within Chat's 32,000 bytes; with {@code GOOGLECHAT_THREAD_KEY}, into that thread, with
 * {@code messageReplyOption} on the URL.
 */
final class GoogleChatFormatter implements WebhookFormatter {
    /**
     * Google Chat's per-space write quota, which incoming webhooks share with every app in the space: one message a
     * second (60 a minute).
     */
    static final RateLimit RATE_LIMIT = RateLimit.of(1, Duration.ofSeconds(1));
    /**
     * The text has no limit of its own, only what the card leaves of the 32,000 bytes, and is never cut through a
     * {@code <url|label>} link. An error's explanation holds a status (100 code points), a message (300) and a hint.
     */
    static final MessageLimits LIMITS = MessageLimits.builder()
            .message(TextLimit.utf8Bytes(GoogleChatCard.MAX_BODY_BYTES).keeping(Boundary.ANGLE_BRACKETS))
            .bodyBytes(GoogleChatCard.MAX_BODY_BYTES).error(TextLimit.codePoints(600)).build();

    private final String threadKey;
    private final Map<String, String> query;

    /** @param settings the validated {@link GoogleChatVariables}; a reply option needs a thread key */
    GoogleChatFormatter(KindSettings settings) {
        this.threadKey = settings.get(GoogleChatVariables.GOOGLECHAT_THREAD_KEY);
        String option = settings.get(GoogleChatVariables.GOOGLECHAT_REPLY_OPTION);
        this.query = threadKey == null ? Map.of()
                : Map.of("messageReplyOption", option == null ? GoogleChatVariables.FALLBACK : option);
    }

    /** @return a body of at most 32,000 bytes, which core fits the text into, links whole */
    @Override
    public MessageLimits limits() {
        return LIMITS;
    }

    /**
     * @param notification the event and the rendered text, fitted by core to {@link #limits()}
     * @return the webhook message: the text, the card, and the thread when one is configured
     */
    @Override
    public WebhookRequest format(Notification notification) {
        return request(GoogleChatCard.write(GoogleChatCard.message(CardContent.of(notification.event()),
                notification.message(), threadKey)));
    }

    /**
     * @param digest the files
     * @return one message listing the files that fit in 32,000 bytes, with an "All files" button to the index page;
     *     empty when some do not fit and there is no index link
     */
    @Override
    public Optional<WebhookRequest> formatDigest(Digest digest) {
        return GoogleChatDigestCard.body(digest, threadKey).map(this::request);
    }

    /** @return one message per second */
    @Override
    public RateLimit rateLimit() {
        return RATE_LIMIT;
    }

    /**
     * @param text a value from the event
     * @return the value on one line, unable to mention anyone or to make a link
     */
    @Override
    public String escape(String text) {
        return GoogleChatText.text(text);
    }

    /**
     * @param status the HTTP status
     * @param body the response body
     * @return "Google Chat: STATUS: message", shortened, with a hint; never the URL's key or token
     */
    @Override
    public String describeError(int status, String body) {
        return GoogleChatErrors.describe(status, body);
    }

    private WebhookRequest request(String body) {
        return WebhookRequest.builder().body(body).query(query).build();
    }
}
