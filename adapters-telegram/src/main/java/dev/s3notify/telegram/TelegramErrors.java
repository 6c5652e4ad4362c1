package dev.s3notify.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Words for the Bot API's refusals: {@code {"ok":false,"error_code":403,"description":"Forbidden: bot was blocked
 * by the user"}} becomes "Telegram error 403: Forbidden: bot was blocked by the user (the user blocked the bot: ...)".
 * Whether a refusal is retried is core's decision from the status: a 400 (chat not found) or 403 (bot blocked,
 * not a member) is refused for good, a 429 waits for {@code parameters.retry_after}, a 5xx is retried.
 */
final class TelegramErrors {
    /** A bot token ({@code 123456789:AA...}), with or without the URL's {@code bot} prefix. */
    private static final Pattern TOKEN = Pattern.compile("(?i)(bot)?[0-9]{3,}:[A-Za-z0-9_-]{20,}");
    /** What people can do, by a part of Telegram's description, lowercase; the first that matches is given. */
    private static final List<Map.Entry<String, String>> HINTS = List.of(
            Map.entry("bot was blocked by the user", "the user blocked the bot: they must unblock it and send it"
                    + " /start before it can post to them"),
            Map.entry("bot can't initiate conversation", "the user never started the bot: they must send it /start"),
            Map.entry("bot is not a member", "add the bot to the chat (to a channel as an administrator allowed to"
                    + " post messages)"),
            Map.entry("bot was kicked", "the bot was removed from the chat: add it again"),
            Map.entry("not enough rights", "give the bot the right to post messages in the chat"),
            Map.entry("chat not found", "TELEGRAM_CHAT_ID names no chat this bot is in: check the id (a supergroup's"
                    + " or channel's starts with -100) and that the bot was added to the chat"),
            Map.entry("thread not found", "TELEGRAM_THREAD_ID names no forum topic of the chat"),
            Map.entry("can't parse entities", "the message's HTML is not what Telegram accepts: check the tags of"
                    + " MESSAGE_TEMPLATE or DIGEST_TEMPLATE"),
            Map.entry("message is too long", "the message is over 4,096 characters; report it with the event id"),
            Map.entry("unauthorized", "the bot token in WEBHOOK_URL is wrong or was revoked: get the current one"
                    + " from @BotFather"),
            Map.entry("not found", "WEBHOOK_URL must be https://api.telegram.org/bot<token>/sendMessage with the"
                    + " bot's whole token"));

    private TelegramErrors() {
    }

    /**
     * @param status the HTTP status
     * @param body the response body, possibly null, empty or not JSON
     * @return within {@link TelegramFormatter#LIMITS}' error limit, never a bot token
     */
    static String describe(int status, String body) {
        String text = body == null ? "" : body.strip();
        JsonNode json = parse(text);
        String described = json == null ? text.lines().findFirst().orElse("") : fromJson(status, json);
        if (described.isBlank()) {
            described = "Telegram gave no reason (HTTP " + status + ")";
        }
        String safe = TOKEN.matcher(described.replaceAll("\\p{Cntrl}", " ")).replaceAll("<redacted>");
        return TelegramFormatter.LIMITS.error().cut(safe);
    }

    private static String fromJson(int status, JsonNode json) {
        int code = json.path("error_code").asInt(status);
        String description = json.path("description").asText("").strip();
        StringBuilder out = new StringBuilder("Telegram error ").append(code).append(": ")
                .append(description.isEmpty() ? "(no description)" : description);
        JsonNode parameters = json.path("parameters");
        if (parameters.path("migrate_to_chat_id").canConvertToLong()) {
            out.append(" (the group became a supergroup: set TELEGRAM_CHAT_ID to ")
                    .append(parameters.path("migrate_to_chat_id").asLong()).append(')');
        } else if (parameters.path("retry_after").isNumber()) {
            out.append(" (retry after ").append(parameters.path("retry_after").asText()).append(" s)");
        } else {
            String lower = description.toLowerCase(Locale.ROOT);
            HINTS.stream().filter(hint -> lower.contains(hint.getKey())).findFirst()
                    .ifPresent(hint -> out.append(" (").append(hint.getValue()).append(')'));
        }
        return out.toString();
    }

    private static JsonNode parse(String text) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode json = TelegramChat.JSON.readTree(text);
            return json.isObject() && (json.has("description") || json.has("error_code")) ? json : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
