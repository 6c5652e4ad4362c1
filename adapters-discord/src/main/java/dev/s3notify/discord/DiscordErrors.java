package dev.s3notify.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Words Discord's error responses: {@code {"code": 50035, "message": "Invalid Form Body", "errors": {...}}}
 * becomes "Discord error 50035: Invalid Form Body; embeds.0.description: Must be 4096 or fewer in length.".
 */
final class DiscordErrors {
    static final int UNKNOWN_WEBHOOK = 10015;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A webhook URL's token, should a proxy echo the path. */
    private static final Pattern WEBHOOK_TOKEN = Pattern.compile("(/webhooks/[0-9]+/)[A-Za-z0-9_.\\-]+");

    private DiscordErrors() {
    }

    /**
     * @param status the HTTP status
     * @param body the response body, possibly empty or not JSON
     * @return within {@link DiscordFormatter#LIMITS}' error limit, never the webhook token
     */
    static String describe(int status, String body) {
        String text = body == null ? "" : body.strip();
        JsonNode json = parse(text);
        String described = json == null ? text.lines().findFirst().orElse("") : fromJson(json);
        String safe = WEBHOOK_TOKEN.matcher(described).replaceAll("$1<redacted>");
        return DiscordFormatter.LIMITS.error().cut(safe);
    }

    private static String fromJson(JsonNode json) {
        int code = json.path("code").asInt(0);
        String message = json.path("message").asText("").strip();
        StringBuilder out = new StringBuilder("Discord error");
        if (code != 0) {
            out.append(' ').append(code);
        }
        out.append(": ").append(message.isEmpty() ? "(no message)" : message);
        if (code == UNKNOWN_WEBHOOK) {
            out.append(" (the webhook was deleted, or WEBHOOK_URL is wrong: create a new webhook in the channel's"
                    + " Integrations settings and update WEBHOOK_URL)");
        }
        String nested = firstNestedError(json.path("errors"), "");
        if (nested != null) {
            out.append("; ").append(nested);
        }
        if (json.has("retry_after")) {
            out.append(" (retry after ").append(json.path("retry_after").asText()).append(" s)");
        }
        return out.toString();
    }

    /** Discord nests errors by path, as in {"embeds": {"0": {"title": {"_errors": [{"message": ...}]}}}}. */
    private static String firstNestedError(JsonNode node, String path) {
        if (!node.isObject()) {
            return null;
        }
        JsonNode errors = node.path("_errors");
        if (errors.isArray() && !errors.isEmpty()) {
            String message = errors.get(0).path("message").asText(errors.get(0).path("code").asText(""));
            return (path.isEmpty() ? "" : path + ": ") + message;
        }
        for (Map.Entry<String, JsonNode> child : node.properties()) {
            String found = firstNestedError(child.getValue(), path.isEmpty() ? child.getKey()
                    : path + "." + child.getKey());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static JsonNode parse(String text) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(text);
            return json.isObject() && (json.has("message") || json.has("code")) ? json : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
