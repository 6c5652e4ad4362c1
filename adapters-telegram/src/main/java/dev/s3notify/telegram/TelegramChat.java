package dev.s3notify.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.spi.KindSettings;

/**
 * Where and how a message goes: the chat, its forum topic, and whether it is silent; the fields every
 * {@code sendMessage} body starts with.
 *
 * @param chatId a numeric id or an {@code @username}, as {@code TELEGRAM_CHAT_ID} was checked
 * @param threadId the forum topic, or null
 * @param silent whether people get a notification without sound
 */
record TelegramChat(String chatId, Long threadId, boolean silent) {
    static final ObjectMapper JSON = new ObjectMapper();

    /** @param settings the kind's validated settings */
    static TelegramChat of(KindSettings settings) {
        return new TelegramChat(settings.get(TelegramVariables.TELEGRAM_CHAT_ID),
                settings.get(TelegramVariables.TELEGRAM_THREAD_ID),
                settings.get(TelegramVariables.TELEGRAM_DISABLE_NOTIFICATION));
    }

    /**
     * @param html the message text, as {@link TelegramHtml#finish} made it
     * @return a {@code sendMessage} body: the chat (a number when numeric), the topic, the text in HTML parse mode,
     *     link previews off (a preview would fetch the presigned link), and the notification setting
     */
    ObjectNode body(String html) {
        ObjectNode body = JSON.createObjectNode();
        if (chatId.startsWith("@")) {
            body.put("chat_id", chatId);
        } else {
            body.put("chat_id", Long.parseLong(chatId));
        }
        if (threadId != null) {
            body.put("message_thread_id", threadId);
        }
        body.put("text", html);
        body.put("parse_mode", "HTML");
        body.putObject("link_preview_options").put("is_disabled", true);
        if (silent) {
            body.put("disable_notification", true);
        }
        return body;
    }
}
