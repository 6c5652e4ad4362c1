package dev.s3notify.ntfy;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.TextLimit;
import dev.s3notify.spi.MessageLimits;
import dev.s3notify.spi.WebhookFormatter;
import java.time.Duration;
import java.util.Optional;

/** Publishes JSON to an ntfy server's root URL, with {@code Authorization: Bearer} when a token is set. */
final class NtfyFormatter implements WebhookFormatter {
    /**
     * ntfy's request limit per sender, ntfy.sh's and a self-hosted server's default: a burst of 60, then one
     * request every 5 seconds ({@code visitor-request-limit-burst}, {@code visitor-request-limit-replenish}).
     * Paced to the steady rate.
     */
    static final RateLimit RATE_LIMIT = RateLimit.of(1, Duration.ofSeconds(5));
    /** ntfy reads a JSON body of at most twice its 4,096-byte message limit. */
    static final int MAX_BODY_BYTES = 8_192;
    /** The message's 4,096 bytes, links whole; 8,192-byte bodies; 400 code points for errors. */
    static final MessageLimits LIMITS = MessageLimits.builder().message(NtfyMessage.MESSAGE)
            .bodyBytes(MAX_BODY_BYTES).error(TextLimit.codePoints(400)).build();

    private final NtfyVariables.Settings settings;

    /** @param settings the topic, the token, the tags and the priority */
    NtfyFormatter(NtfyVariables.Settings settings) {
        this.settings = settings;
    }

    /** @return 4,096 bytes of message, 8,192-byte bodies, 400 code points for errors */
    @Override
    public MessageLimits limits() {
        return LIMITS;
    }

    /**
     * @param notification the event and the rendered template, cut by core to {@link #limits()}
     * @return the JSON request, with the access token's header when one is set
     */
    @Override
    public WebhookRequest format(Notification notification) {
        return request(NtfyMessage.body(notification, settings));
    }

    /**
     * @param digest the files
     * @return a message listing the files whose links fit in 4,096 bytes, and a button to the index page; empty
     *     when some do not fit and there is no index link
     */
    @Override
    public Optional<WebhookRequest> formatDigest(Digest digest) {
        return NtfyDigest.body(digest, settings).map(this::request);
    }

    /** @return one request every 5 seconds */
    @Override
    public RateLimit rateLimit() {
        return RATE_LIMIT;
    }

    /**
     * @param text a value from the event
     * @return the text with bidirectional overrides replaced: ntfy's plain text has no markup and no mentions
     */
    @Override
    public String escape(String text) {
        return NtfyText.escape(text);
    }

    /**
     * @param status the HTTP status
     * @param body ntfy's JSON error, such as {@code {"code":40101,"http":401,"error":"unauthorized"}}
     * @return {@code ntfy: <error> (<code>; <hint>)}
     */
    @Override
    public String describeError(int status, String body) {
        return NtfyErrors.describe(status, body);
    }

    private WebhookRequest request(String body) {
        WebhookRequest.Builder request = WebhookRequest.builder().body(body);
        if (settings.token() != null) {
            request.header("Authorization", settings.token().header());
        }
        return request.build();
    }
}
