package dev.s3notify.ntfy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.text.TextLimit;
import java.io.IOException;
import java.util.Map;

/**
 * Words for ntfy's refusals. ntfy answers a published message with 200 and the message as JSON, or an error
 * status with its JSON error, {@code {"code":40101,"http":401,"error":"unauthorized",
 * "link":"https://ntfy.sh/docs/publish/#authentication"}}; its rate limits answer 429 the same way (code 42901 and
 * others), without a {@code Retry-After} header.
 */
final class NtfyErrors {
    private static final TextLimit REASON = TextLimit.codePoints(200);
    private static final Map<Integer, String> HINTS = Map.ofEntries(
            Map.entry(40101, "the topic needs an access token: set NTFY_ACCESS_TOKEN (ntfy token add USER, or"
                    + " Account > Access tokens); a token that is set is wrong, expired or deleted"),
            Map.entry(40301, "the access token's user may not publish to NTFY_TOPIC; grant it write access"
                    + " (ntfy access USER TOPIC write-only), or the topic is reserved by another account"),
            Map.entry(40009, "NTFY_TOPIC is not a valid topic"),
            Map.entry(40010, "the server does not allow this topic name; pick another NTFY_TOPIC"),
            Map.entry(40017, "ntfy could not read the message; WEBHOOK_URL must be the server's root URL"),
            Map.entry(40024, "ntfy could not read the message; WEBHOOK_URL must be the server's root URL"),
            Map.entry(40007, "NTFY_PRIORITY is not a priority this server accepts"),
            Map.entry(40018, "the server refused the message's action button; report it with the event id"),
            Map.entry(41303, "the server's message-size-limit is below ntfy's 4,096-byte default; shorten"
                    + " MESSAGE_TEMPLATE"),
            Map.entry(42901, "too many requests from this sender: ntfy allows a burst of 60, then one every 5"
                    + " seconds by default"),
            Map.entry(42908, "the daily message limit of this sender or account is reached; it resets after a day,"
                    + " or use an account (NTFY_ACCESS_TOKEN) with a higher limit"),
            Map.entry(42904, "the server's topic limit is reached; ask its admin"),
            Map.entry(40401, "no ntfy server answers at WEBHOOK_URL; it must be the server's root URL"));

    private NtfyErrors() {
    }

    /**
     * @param status the HTTP status
     * @param body the response body, possibly null or empty
     * @return {@code ntfy: <error> (<code>; <hint>)}, or its plain text, within {@link NtfyFormatter#LIMITS}' error
     *     limit
     */
    static String describe(int status, String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode error = NtfyMessage.JSON.readTree(text);
                String words = clean(error.path("error").asText(""));
                int code = error.path("code").asInt(0);
                if (!words.isEmpty() || code != 0) {
                    String hint = HINTS.get(code);
                    String detail = code == 0 ? "" : " (" + code + (hint == null ? "" : "; " + hint) + ")";
                    return cut("ntfy: " + (words.isEmpty() ? "refused" : words) + detail);
                }
            } catch (IOException e) {
                // not JSON after all: the first line below
            }
        }
        String line = clean(text.lines().findFirst().orElse(""));
        return line.isEmpty() ? "ntfy gave no reason (HTTP " + status + ")" : cut("ntfy: " + line);
    }

    private static String clean(String text) {
        return REASON.cut(text.replaceAll("\\p{Cntrl}", " ").strip());
    }

    private static String cut(String text) {
        return NtfyFormatter.LIMITS.error().cut(text);
    }
}
