package dev.s3notify.telegram;

import dev.s3notify.spi.Variable;
import java.util.List;

/** The variables of {@code WEBHOOK_KIND=telegram}, checked at start-up. */
final class TelegramVariables {
    private static final String DISPATCH = "webhook-dispatcher";

    /** Where messages go: a chat's numeric id, or a public channel's or supergroup's {@code @username}. */
    static final Variable<String> TELEGRAM_CHAT_ID = new Variable<>("TELEGRAM_CHAT_ID", DISPATCH, null, true, false,
            "the Telegram chat the bot posts to: its numeric id (a user's, a group's, or -100... for a supergroup or"
                    + " channel) or a public channel's or supergroup's @username", TelegramVariables::chatId);
    /** A forum topic of the chat. */
    static final Variable<Long> TELEGRAM_THREAD_ID = Variable.integer("TELEGRAM_THREAD_ID", DISPATCH, null, 1,
            Integer.MAX_VALUE, "the forum topic (message_thread_id) of the chat to post into, a positive whole number;"
                    + " unset: the chat's main thread (General)");
    /** Silent messages. */
    static final Variable<Boolean> TELEGRAM_DISABLE_NOTIFICATION = Variable.bool("TELEGRAM_DISABLE_NOTIFICATION",
            DISPATCH, "false", "true to send messages silently: people get a notification without sound");

    static final List<Variable<?>> ALL = List.of(TELEGRAM_CHAT_ID, TELEGRAM_THREAD_ID, TELEGRAM_DISABLE_NOTIFICATION);

    private TelegramVariables() {
    }

    /** Numeric ids fit Telegram's 52 bits; usernames are 5 to 32 letters, digits and underscores, a letter first. */
    private static String chatId(String text) {
        if (text.matches("-?[1-9][0-9]{0,15}") || text.matches("@[A-Za-z][A-Za-z0-9_]{4,31}")) {
            return text;
        }
        throw new IllegalArgumentException("a chat id: a whole number such as 123456789 or -1001234567890, or a"
                + " public channel's @username (to find a chat's id, post in the chat, then open"
                + " https://api.telegram.org/bot<token>/getUpdates and read message.chat.id)");
    }
}
