package dev.s3notify.googlechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.text.TextLimit;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Words a refused request: Google's errors are JSON,
 * {@code {"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED","details":[{"reason":...}]}}}, or, from
 * a proxy or Google's front end, HTML or plain text.
 */
final class GoogleChatErrors {
    static final int MAX_STATUS = 100;
    static final int MAX_MESSAGE = 300;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The webhook URL's {@code key} and {@code token} are its credentials: an error echoing the URL must not show them. */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)\\b((?:key|token)(?:=|%3D))[^&\\s\"'<>]+");
    private static final Pattern SPACES = Pattern.compile("[\\p{Cc}\\s]+");

    private GoogleChatErrors() {
    }

    /**
     * @param status the HTTP status
     * @param body the response body, possibly null or empty
     * @return "Google Chat: STATUS: message (reason R)" with a hint for the usual causes, within
     *     {@link GoogleChatFormatter#LIMITS}' error limit, or "" when there is nothing to say
     */
    static String describe(int status, String body) {
        String reason = reason(body == null ? "" : body.strip());
        String hint = hint(status, reason);
        if (reason.isEmpty() && hint.isEmpty()) {
            return "";
        }
        return GoogleChatFormatter.LIMITS.error().cut("Google Chat: " + (reason.isEmpty()
                ? "no explanation in the response" : reason) + (hint.isEmpty() ? "" : " (" + hint + ")"));
    }

    private static String reason(String body) {
        if (body.isEmpty()) {
            return "";
        }
        JsonNode error = parse(body).path("error");
        if (error.isObject()) {
            String state = clean(error.path("status").asText(""), MAX_STATUS);
            String message = clean(error.path("message").asText(""), MAX_MESSAGE);
            String detail = clean(error.path("details").path(0).path("reason").asText(""), MAX_STATUS);
            String words = state.isEmpty() ? message : message.isEmpty() ? state : state + ": " + message;
            if (!words.isEmpty()) {
                return words + (detail.isEmpty() ? "" : " (reason " + detail + ")");
            }
        }
        return clean(body.lines().filter(line -> !line.isBlank()).findFirst().orElse(""), MAX_MESSAGE);
    }

    private static String hint(int status, String reason) {
        if (status == 429 || reason.startsWith("RESOURCE_EXHAUSTED")) {
            return "the space's write quota is used up: Google Chat takes about one message a second per space,"
                    + " shared by every webhook and app posting there";
        }
        if (status == 401 || reason.startsWith("UNAUTHENTICATED") || reason.contains("API_KEY_INVALID")) {
            return "the webhook's key or token is wrong: copy the webhook's whole URL again";
        }
        if (status == 403 || reason.startsWith("PERMISSION_DENIED")) {
            return "the webhook was removed from the space, or the organization does not let this space use"
                    + " incoming webhooks";
        }
        if (status == 404 || reason.startsWith("NOT_FOUND")) {
            return "the space or the webhook is gone, or, with GOOGLECHAT_REPLY_OPTION=REPLY_MESSAGE_OR_FAIL, the"
                    + " thread could not be replied to";
        }
        if (status == 400 || reason.startsWith("INVALID_ARGUMENT")) {
            return "Google Chat refused the message itself";
        }
        return "";
    }

    private static String clean(String text, int max) {
        String oneLine = SPACES.matcher(CREDENTIAL.matcher(text).replaceAll("$1<redacted>")).replaceAll(" ").strip();
        return TextLimit.codePoints(max).cut(oneLine);
    }

    private static JsonNode parse(String body) {
        if (!body.startsWith("{")) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
