package dev.s3notify.telegram;

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
 * Sends with the Bot API's {@code sendMessage}: the message as HTML text ({@code parse_mode=HTML}) to the configured
 * chat and topic, with a url button for the file's link. The bot token is in the URL, which core's sender holds and
 * never shows; the body has none.
 */
final class TelegramFormatter implements WebhookFormatter {
    /**
     * Telegram's FAQ: more than one message a second in a chat brings 429s, and a group takes at most 20 a minute.
     * A private chat (a positive id) gets the first; a group or channel (a negative id, or an {@code @username}) one
     * message every 3 seconds, which keeps to both.
     */
    static final RateLimit PRIVATE_CHAT_RATE = RateLimit.of(1, Duration.ofSeconds(1));
    static final RateLimit GROUP_RATE = RateLimit.of(1, Duration.ofSeconds(3));
    /**
     * The text's 4,000 UTF-16 units before parsing (see {@link TelegramMessage#TEXT}); Telegram documents no body
     * limit below what these allow, so none is declared. Errors: 300 code points.
     */
    static final MessageLimits LIMITS = MessageLimits.builder().message(TelegramMessage.TEXT)
            .error(TextLimit.codePoints(300)).build();

    private final TelegramChat chat;

    TelegramFormatter(TelegramChat chat) {
        this.chat = chat;
    }

    /** @return 4,000 UTF-16 units of HTML, links, entities and tags whole, and 300 code points for errors */
    @Override
    public MessageLimits limits() {
        return LIMITS;
    }

    /**
     * @param notification the event and the rendered message text, cut by core to {@link #limits()}
     * @return a {@code sendMessage} request: the text with its tags closed, and a Download button
     * @throws IllegalArgumentException when the template uses a tag Telegram does not support, or closes tags out
     *     of order (found at start-up, when core formats samples)
     */
    @Override
    public WebhookRequest format(Notification notification) {
        return WebhookRequest.json(TelegramMessage.body(chat, notification));
    }

    /**
     * @param digest the files
     * @return one message listing the files that fit in 4,096 characters and 100 entities, with an "All N files"
     *     button to the index; empty when some do not fit and there is no index link
     */
    @Override
    public Optional<WebhookRequest> formatDigest(Digest digest) {
        return TelegramDigest.body(chat, digest).map(WebhookRequest::json);
    }

    /** @return 1 message a second for a private chat; 1 every 3 seconds for a group or channel */
    @Override
    public RateLimit rateLimit() {
        return chat.chatId().startsWith("-") || chat.chatId().startsWith("@") ? GROUP_RATE : PRIVATE_CHAT_RATE;
    }

    /**
     * @param text a value from the event
     * @return the value with {@code & < > "} as entities, control characters as spaces, bidi overrides replaced,
     *     and mentions ({@code @name}) broken by a zero-width space; a whole link only gets its entities
     */
    @Override
    public String escape(String text) {
        return TelegramHtml.escape(text);
    }

    /**
     * @param status the HTTP status
     * @param body the Bot API's {@code {"ok":false,"error_code":...,"description":...}}
     * @return {@code Telegram error CODE: description}, with what to do for the common refusals; never the token
     */
    @Override
    public String describeError(int status, String body) {
        return TelegramErrors.describe(status, body);
    }
}
