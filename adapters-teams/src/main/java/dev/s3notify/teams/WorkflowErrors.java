package dev.s3notify.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.text.TextLimit;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Words a refused Workflows (Power Automate / Logic Apps) request: their errors are JSON such as
 * {@code {"error":{"code":"TriggerInputSchemaMismatch","message":"..."}}}, or plain text from older hosts.
 */
final class WorkflowErrors {
    static final int MAX_CODE = 100;
    static final int MAX_MESSAGE = 300;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A workflow URL's {@code sig} parameter is its credential; an error that echoes the URL must not show it. */
    private static final Pattern SIGNATURE = Pattern.compile("(?i)(sig=)[^&\\s\"'<>]+");
    private static final Pattern SPACES = Pattern.compile("[\\p{Cc}\\s]+");

    private WorkflowErrors() {
    }

    /**
     * @param status the HTTP status
     * @param body the response body, possibly null or empty
     * @return "Teams: code: message" with a hint for the usual causes, within {@link TeamsFormatter#LIMITS}'s error
     *     limit, or "" when there is nothing to say
     */
    static String describe(int status, String body) {
        String reason = reason(body == null ? "" : body.strip());
        String hint = hint(status, reason);
        if (reason.isEmpty() && hint.isEmpty()) {
            return "";
        }
        return TeamsFormatter.LIMITS.error().cut("Teams: " + (reason.isEmpty() ? "no explanation in the response"
                : reason) + (hint.isEmpty() ? "" : " (" + hint + ")"));
    }

    private static String reason(String body) {
        if (body.isEmpty()) {
            return "";
        }
        JsonNode json = parse(body);
        if (json != null && json.isObject()) {
            JsonNode error = json.path("error").isObject() ? json.get("error") : json;
            String code = clean(error.path("code").asText(""), MAX_CODE);
            String message = clean(error.path("message").asText(""), MAX_MESSAGE);
            if (!code.isEmpty() || !message.isEmpty()) {
                return code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
            }
        }
        return clean(body.lines().filter(line -> !line.isBlank()).findFirst().orElse(""), MAX_MESSAGE);
    }

    private static String hint(int status, String reason) {
        if (status == 401 || status == 403) {
            return "the workflow's trigger may require a signed URL (copy the whole URL, sig parameter included)"
                    + " or the flow is turned off";
        }
        if (status == 404) {
            return "the workflow may have been deleted, or the URL is incomplete";
        }
        if (status == 413) {
            return "the message is over the size Teams accepts";
        }
        if (reason.startsWith("TriggerInputSchemaMismatch")) {
            return "the workflow expects another JSON shape; use the Teams template"
                    + " \"Post to a channel when a webhook request is received\"";
        }
        return "";
    }

    private static String clean(String text, int max) {
        String oneLine = SPACES.matcher(SIGNATURE.matcher(text).replaceAll("$1<redacted>")).replaceAll(" ").strip();
        return TextLimit.codePoints(max).cut(oneLine);
    }

    private static JsonNode parse(String body) {
        if (!body.startsWith("{")) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
