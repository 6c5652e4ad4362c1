package dev.s3notify.mattermost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.text.TextLimit;
import java.io.IOException;
import java.util.Map;

/**
 * Words for Mattermost's refusals. Its incoming webhooks answer 200 {@code ok}, or an error status with its JSON
 * error, {@code {"id":"web.incoming_webhook.invalid.app_error","message":"Invalid webhook.",
 * "detailed_error":"","request_id":"…","status_code":400}}; its rate limiter (off unless an admin turns it on)
 * answers 429 with the plain text {@code limit exceeded} and a {@code Retry-After} header. The
 * {@code detailed_error} is never quoted: it can hold the webhook's id, which is the secret part of its URL.
 */
final class MattermostErrors {
    private static final TextLimit REASON = TextLimit.codePoints(200);
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("web.incoming_webhook.invalid.app_error", "the webhook does not exist: it was deleted or the"
                    + " URL is wrong; create a new one under Integrations > Incoming Webhooks"),
            Map.entry("web.incoming_webhook.disabled.app_error", "incoming webhooks are turned off on this server;"
                    + " ask an admin to enable them (System Console > Integrations)"),
            Map.entry("web.incoming_webhook.channel.app_error", "the channel in MATTERMOST_CHANNEL was not found; use"
                    + " its name from the channel's URL"),
            Map.entry("web.incoming_webhook.channel_locked.app_error", "this webhook may only post to its own"
                    + " channel; unset MATTERMOST_CHANNEL"),
            Map.entry("web.incoming_webhook.user.app_error", "the user in MATTERMOST_CHANNEL, or the webhook's"
                    + " creator, was not found"),
            Map.entry("web.incoming_webhook.permissions.app_error", "the webhook's creator may not post in that"
                    + " channel"),
            Map.entry("web.incoming_webhook.text.app_error", "the message had no text"),
            Map.entry("web.incoming_webhook.parse.app_error", "Mattermost could not read the message; report it with"
                    + " the event id"),
            Map.entry("api.webhook.incoming.error", "Mattermost could not read the message; report it with the event"
                    + " id"),
            Map.entry("web.incoming_webhook.split_props_length.app_error", "the attachment is too large; set"
                    + " MATTERMOST_FORMAT=text or shorten MESSAGE_TEMPLATE"));

    private MattermostErrors() {
    }

    /**
     * @param status the HTTP status
     * @param body the response body, possibly null or empty
     * @return {@code Mattermost: <message> (<id>; <hint>)}, or the plain text it sent, within
     *     {@link MattermostFormatter#LIMITS}' error limit
     */
    static String describe(int status, String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode error = MattermostMessage.JSON.readTree(text);
                String id = error.path("id").asText("");
                String message = error.path("message").asText("");
                if (!id.isEmpty() || !message.isEmpty()) {
                    return words(clean(message), clean(id));
                }
            } catch (IOException e) {
                // not JSON after all: the first line below
            }
        }
        String line = clean(text.lines().findFirst().orElse(""));
        if (line.isEmpty()) {
            return "Mattermost gave no reason (HTTP " + status + ")";
        }
        if (status == 429) {
            return cut("Mattermost: " + line + " (its rate limiting is on; messages are paced to 10 a second, the"
                    + " default of its RateLimitSettings)");
        }
        return cut("Mattermost: " + line);
    }

    private static String words(String message, String id) {
        String hint = HINTS.get(id);
        String detail = id.isEmpty() ? "" : " (" + id + (hint == null ? "" : "; " + hint) + ")";
        return cut("Mattermost: " + (message.isEmpty() ? "refused" : message) + detail);
    }

    private static String clean(String text) {
        return REASON.cut(text.replaceAll("\\p{Cntrl}", " ").strip());
    }

    private static String cut(String text) {
        return MattermostFormatter.LIMITS.error().cut(text);
    }
}
