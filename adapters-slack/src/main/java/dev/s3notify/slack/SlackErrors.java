package dev.s3notify.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.text.TextLimit;
import java.io.IOException;
import java.util.Map;

/**
 * Words for Slack's refusals. Incoming webhooks answer 200 {@code ok}, or an error status with a plain-text
 * reason such as {@code no_service}; workflow webhooks answer JSON {@code {"ok":false,"error":"..."}}.
 */
final class SlackErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 200;
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("invalid_payload", "Slack could not read the message; check MESSAGE_TEMPLATE, else report"
                    + " it with the event id"),
            Map.entry("invalid_blocks", "Slack refused the message layout; report it with the event id"),
            Map.entry("invalid_blocks_format", "Slack refused the message layout; report it with the event id"),
            Map.entry("no_text", "the message had no text"),
            Map.entry("missing_text_or_fallback_or_attachments", "the message had no text"),
            Map.entry("too_many_attachments", "the message had too many attachments"),
            Map.entry("channel_not_found", "the webhook's channel no longer exists; create a webhook for another"
                    + " channel"),
            Map.entry("channel_is_archived", "the webhook's channel is archived; unarchive it or create a webhook"
                    + " for another channel"),
            Map.entry("action_prohibited", "a workspace admin restricted posting with this webhook here"),
            Map.entry("posting_to_general_channel_denied", "only admins may post to this channel; pick another"
                    + " channel or ask an admin"),
            Map.entry("user_not_found", "the user the webhook posts to no longer exists"),
            Map.entry("no_service", "the webhook was removed or disabled; create a new one"),
            Map.entry("no_active_hooks", "the webhook was removed or disabled; create a new one"),
            Map.entry("no_service_id", "the webhook URL is incomplete; copy it again from the Slack app"),
            Map.entry("invalid_token", "the webhook's token is invalid or was revoked; create a new webhook"),
            Map.entry("no_team", "the workspace in the webhook URL does not exist; copy the URL again"),
            Map.entry("team_disabled", "the workspace was disabled"),
            Map.entry("rollup_error", "an error inside Slack, usually passing"));

    private SlackErrors() {
    }

    /**
     * @param status the HTTP status
     * @param body the response body, possibly null or empty
     * @return {@code Slack: <reason>}, with a hint for the reasons people can act on, within
     *     {@link SlackFormatter#LIMITS}' error limit
     */
    static String describe(int status, String body) {
        String reason = reason(body == null ? "" : body.strip());
        if (reason.isEmpty()) {
            return "Slack gave no reason (HTTP " + status + ")";
        }
        String hint = HINTS.get(reason);
        return SlackFormatter.LIMITS.error().cut("Slack: " + reason + (hint == null ? "" : " (" + hint + ")"));
    }

    private static String reason(String body) {
        String reason = body.lines().findFirst().orElse("");
        if (body.startsWith("{")) {
            try {
                JsonNode error = JSON.readTree(body).path("error");
                if (error.isTextual()) {
                    reason = error.asText();
                }
            } catch (IOException e) {
                // not JSON after all: keep the first line
            }
        }
        reason = reason.replaceAll("\\p{Cntrl}", " ").strip();
        return TextLimit.utf16Units(MAX_REASON).cut(reason);
    }
}
