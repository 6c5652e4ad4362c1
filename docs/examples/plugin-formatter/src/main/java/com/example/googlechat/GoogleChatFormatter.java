package com.example.googlechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Digest;
import dev.s3notify.core.Link;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.Boundary;
import dev.s3notify.core.text.TextLimit;
import dev.s3notify.spi.MessageLimits;
import dev.s3notify.spi.WebhookFormatter;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts a text message, {@code {"text": "..."}}, into one thread when {@code GOOGLECHAT_THREAD_KEY} is set. A digest
 * is one such message listing as many files as fit in {@link #TEXT}.
 */
final class GoogleChatFormatter implements WebhookFormatter {
    /**
     * Longest message text, in code points, never cut through a {@code <url|text>} link: with a thread key the body
     * stays well under Chat's 32,000 bytes.
     */
    static final TextLimit TEXT = TextLimit.codePoints(4_000).keeping(Boundary.ANGLE_BRACKETS);
    /** Google Chat allows one message per second per space. */
    static final RateLimit RATE_LIMIT = RateLimit.of(1, Duration.ofSeconds(1));
    /** The limits core fits every message to: the text's, and Chat's 32,000 bytes for a whole message. */
    static final MessageLimits LIMITS = MessageLimits.builder().message(TEXT).bodyBytes(32_000).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String threadKey;

    /** @param threadKey the thread every message goes to, or null for a thread per message */
    GoogleChatFormatter(String threadKey) {
        this.threadKey = threadKey;
    }

    /** @return the text's limit and Chat's body limit, which core cuts the message to */
    @Override
    public MessageLimits limits() {
        return LIMITS;
    }

    /** The message arrives cut to {@link #LIMITS}; only the file name, used when it is blank, is cut here. */
    @Override
    public WebhookRequest format(Notification notification) {
        String text = notification.message().isBlank()
                ? TEXT.cut(GoogleChatText.escape(notification.event().fileName())) : notification.message();
        return request(text);
    }

    /** @return one text listing the files that fit; empty when some do not and there is no index link */
    @Override
    public Optional<WebhookRequest> formatDigest(Digest digest) {
        int listed = digest.mostListed(n -> TEXT.fits(digest.message(n)));
        if (listed < digest.count() && digest.indexLink().isEmpty()) {
            return Optional.empty();
        }
        String text = listed >= 0 ? digest.message(listed)
                : TEXT.cut(digest.message(0), digest.indexLink().map(Link::url).stream().toList());
        return Optional.of(request(text));
    }

    /** @return one message per second */
    @Override
    public RateLimit rateLimit() {
        return RATE_LIMIT;
    }

    /** One line, unable to mention anyone or to make a link: see {@link GoogleChatText#escape(String)}. */
    @Override
    public String escape(String text) {
        return GoogleChatText.escape(text);
    }

    /** @return Google's error status and message ("Google Chat: INVALID_ARGUMENT: ..."), shortened */
    @Override
    public String describeError(int status, String body) {
        try {
            JsonNode error = JSON.readTree(body == null ? "" : body).path("error");
            if (error.hasNonNull("message")) {
                // Cut as a whole to the declared error limit: the contract holds describeError to it.
                return LIMITS.error().cut("Google Chat: " + error.path("status").asText(String.valueOf(status))
                        + ": " + error.get("message").asText());
            }
        } catch (IOException e) {
            // Not Google's JSON error (a proxy's page, say): the first line below is the best there is.
        }
        return WebhookFormatter.super.describeError(status, body);
    }

    private WebhookRequest request(String text) {
        ObjectNode body = JSON.createObjectNode().put("text", text);
        if (threadKey == null) {
            return WebhookRequest.json(body.toString());
        }
        body.putObject("thread").put("threadKey", threadKey);
        return WebhookRequest.builder().body(body.toString())
                .queryParameter("messageReplyOption", "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD").build();
    }
}
