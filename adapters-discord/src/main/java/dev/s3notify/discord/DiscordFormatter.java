package dev.s3notify.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.TextLimit;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.MessageLimits;
import dev.s3notify.spi.WebhookFormatter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Posts to a Discord channel webhook (Execute Webhook): one embed, the file's or the digest's. Requests carry
 * {@code wait=true}, so Discord answers a refused message with an error instead of a silent 204, and
 * {@code thread_id} when {@code DISCORD_THREAD_ID} is set.
 */
final class DiscordFormatter implements WebhookFormatter {
    /** Discord's documented webhook limit: 5 requests per 2 seconds (its rate-limit headers say the same). */
    static final RateLimit RATE_LIMIT = RateLimit.of(5, Duration.ofSeconds(2));
    /**
     * The description (the rendered message) is 4,096 code points, links whole; the 6,000 Discord allows across an
     * embed's text is shared with the title, fields and footer, so the embed applies it ({@link DiscordEmbed}).
     * Discord's body limit is far above what those limits allow, so none is declared. Errors: 300 code points.
     */
    static final MessageLimits LIMITS = MessageLimits.builder().message(DiscordEmbed.DESCRIPTION)
            .error(TextLimit.codePoints(300)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long color;
    private final String footer;
    private final String username;
    private final URI avatar;
    private final Map<String, String> query;

    DiscordFormatter(KindSettings settings) {
        this.color = settings.get(DiscordVariables.EMBED_COLOR);
        this.footer = settings.get(DiscordVariables.FOOTER_TEXT);
        String name = settings.get(DiscordVariables.DISCORD_USERNAME);
        // the zero-width spaces count too: an 80-character name holding @everyone would be 81
        this.username = name == null ? null
                : TextLimit.codePoints(DiscordVariables.USERNAME_MAX).cut(DiscordText.neutralise(name));
        this.avatar = settings.get(DiscordVariables.DISCORD_AVATAR_URL);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("wait", "true");
        String thread = settings.get(DiscordVariables.DISCORD_THREAD_ID);
        if (thread != null) {
            parameters.put("thread_id", thread);
        }
        this.query = Map.copyOf(parameters);
    }

    /** @return the description's 4,096 code points, links whole, and 300 code points for errors */
    @Override
    public MessageLimits limits() {
        return LIMITS;
    }

    /**
     * @param notification the event and the rendered message text, cut by core to {@link #limits()}
     * @return an Execute Webhook request with one embed, within Discord's limits for any input
     */
    @Override
    public WebhookRequest format(Notification notification) {
        return request(DiscordEmbed.of(notification, color, footer));
    }

    /**
     * @param digest the files
     * @return one embed listing the files that fit in Discord's 4,096-character description (and 6,000 in all);
     *     empty when some do not fit and there is no index link
     */
    @Override
    public Optional<WebhookRequest> formatDigest(Digest digest) {
        return DiscordDigestEmbed.of(digest, color, footer).map(this::request);
    }

    /** @return 5 requests per 2 seconds */
    @Override
    public RateLimit rateLimit() {
        return RATE_LIMIT;
    }

    /**
     * @param text a value from the event
     * @return the text with Discord's markdown characters backslash-escaped and mentions neutralised; a value that
     *     is a whole link is only neutralised, so {@code {{fileUrl}}} still works
     */
    @Override
    public String escape(String text) {
        return DiscordText.escape(text);
    }

    /**
     * @param status the HTTP status
     * @param body the response body
     * @return Discord's error code and message, with the first field it names; at most 300 characters
     */
    @Override
    public String describeError(int status, String body) {
        return DiscordErrors.describe(status, body);
    }

    private WebhookRequest request(ObjectNode embed) {
        ObjectNode body = JSON.createObjectNode();
        if (username != null) {
            body.put("username", username);
        }
        if (avatar != null) {
            body.put("avatar_url", avatar.toString());
        }
        body.putArray("embeds").add(embed);
        body.putObject("allowed_mentions").putArray("parse");
        try {
            return WebhookRequest.builder().body(JSON.writeValueAsString(body)).query(query).build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
