package com.example.rocketchat;

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
 * Posts a text message, {@code {"text": "..."}}, to a Rocket.Chat incoming webhook, under {@code ROCKETCHAT_ALIAS}
 * when it is set. A digest is one such message listing as many files as fit in {@link #TEXT}.
 */
final class RocketChatFormatter implements WebhookFormatter {
    /**
     * Rocket.Chat's default largest message (the workspace setting Message_MaxAllowedSize), in characters, never cut
     * through a markdown link.
     */
    static final TextLimit TEXT = TextLimit.codePoints(5_000).keeping(Boundary.LINKS);
    /**
     * Rocket.Chat documents no rate for incoming webhooks; its REST API's default rate limiter allows 10 calls a
     * minute per endpoint. The slowest of the two, so bursts become digests rather than refusals.
     */
    static final RateLimit RATE_LIMIT = RateLimit.of(10, Duration.ofMinutes(1));
    /** The limits core fits every message to: only the text's. */
    static final MessageLimits LIMITS = MessageLimits.builder().message(TEXT).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String alias;

    /** @param alias the name shown before the integration's user, or null for none */
    RocketChatFormatter(String alias) {
        this.alias = alias;
    }

    /** @return the text's limit, which core cuts the message to */
    @Override
    public MessageLimits limits() {
        return LIMITS;
    }

    /** The message arrives cut to {@link #LIMITS}; only the file name, used when it is blank, is cut here. */
    @Override
    public WebhookRequest format(Notification notification) {
        String text = notification.message().isBlank()
                ? TEXT.cut(RocketChatText.escape(notification.event().fileName())) : notification.message();
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

    /** @return ten messages a minute */
    @Override
    public RateLimit rateLimit() {
        return RATE_LIMIT;
    }

    /** One line, unable to mention anyone or to make a link: see {@link RocketChatText#escape(String)}. */
    @Override
    public String escape(String text) {
        return RocketChatText.escape(text);
    }

    /** @return Rocket.Chat's error ("Rocket.Chat: error-invalid-channel: ..."), shortened */
    @Override
    public String describeError(int status, String body) {
        try {
            JsonNode json = JSON.readTree(body == null ? "" : body);
            if (json != null && json.hasNonNull("error")) {
                // Cut as a whole to the declared error limit: the contract holds describeError to it.
                String type = json.path("errorType").asText("");
                return LIMITS.error().cut("Rocket.Chat: " + (type.isEmpty() ? "" : type + ": ")
                        + json.get("error").asText());
            }
        } catch (IOException e) {
            // Not Rocket.Chat's JSON error (a proxy's page, say): the first line below is the best there is.
        }
        return WebhookFormatter.super.describeError(status, body);
    }

    private WebhookRequest request(String text) {
        ObjectNode body = JSON.createObjectNode().put("text", text);
        if (alias != null) {
            body.put("alias", alias);
        }
        return WebhookRequest.json(body.toString());
    }
}
