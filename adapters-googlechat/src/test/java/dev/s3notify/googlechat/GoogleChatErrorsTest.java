package dev.s3notify.googlechat;

import static dev.s3notify.googlechat.ChatEvents.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoogleChatErrorsTest {
    static final String QUOTA = "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check"
            + " quota).\",\"status\":\"RESOURCE_EXHAUSTED\"}}";
    static final String NOT_FOUND = "{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\","
            + "\"status\":\"NOT_FOUND\"}}";

    @Test
    void wordsTheQuotaErrorWithTheSpacesRate() {
        assertThat(PLAIN.describeError(429, QUOTA)).isEqualTo("Google Chat: RESOURCE_EXHAUSTED: Resource has been"
                + " exhausted (e.g. check quota). (the space's write quota is used up: Google Chat takes about one"
                + " message a second per space, shared by every webhook and app posting there)");
    }

    @Test
    void wordsAMissingSpaceOrThread() {
        assertThat(PLAIN.describeError(404, NOT_FOUND)).isEqualTo("Google Chat: NOT_FOUND: Requested entity was not"
                + " found. (the space or the webhook is gone, or, with GOOGLECHAT_REPLY_OPTION=REPLY_MESSAGE_OR_FAIL,"
                + " the thread could not be replied to)");
    }

    @Test
    void wordsAnInvalidMessageAndAnInvalidKeyApart() {
        assertThat(PLAIN.describeError(400, "{\"error\":{\"code\":400,\"message\":\"Invalid JSON payload received."
                + " Unknown name \\\"cards\\\": Cannot find field.\",\"status\":\"INVALID_ARGUMENT\"}}"))
                .isEqualTo("Google Chat: INVALID_ARGUMENT: Invalid JSON payload received. Unknown name \"cards\":"
                        + " Cannot find field. (Google Chat refused the message itself)");
        assertThat(PLAIN.describeError(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a"
                + " valid API key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\"}]}}"))
                .isEqualTo("Google Chat: INVALID_ARGUMENT: API key not valid. Please pass a valid API key. (reason"
                        + " API_KEY_INVALID) (the webhook's key or token is wrong: copy the webhook's whole URL again)");
    }

    @Test
    void wordsARefusedSpace() {
        assertThat(PLAIN.describeError(403, "{\"error\":{\"code\":403,\"message\":\"The caller does not have"
                + " permission\",\"status\":\"PERMISSION_DENIED\"}}")).endsWith("(the webhook was removed from the"
                + " space, or the organization does not let this space use incoming webhooks)");
    }

    @Test
    void neverEchoesTheWebhooksKeyOrToken() {
        String body = "{\"error\":{\"code\":400,\"message\":\"bad request to https://chat.googleapis.com/v1/spaces/A"
                + "/messages?key=AIzaSECRET1&token=TOKENSECRET2%3D\",\"status\":\"INVALID_ARGUMENT\"}}";

        assertThat(PLAIN.describeError(400, body)).doesNotContain("AIzaSECRET1", "TOKENSECRET2")
                .contains("key=<redacted>&token=<redacted>");
        assertThat(PLAIN.describeError(400, "<html>token%3DTOKENSECRET2</html>")).doesNotContain("TOKENSECRET2");
    }

    @Test
    void describesOtherAnswersByTheirFirstLineOrNotAtAll() {
        assertThat(PLAIN.describeError(502, "\n<html><title>502 Bad Gateway</title>\n<p>")).isEqualTo(
                "Google Chat: <html><title>502 Bad Gateway</title>");
        assertThat(PLAIN.describeError(502, "")).isEmpty();
        assertThat(PLAIN.describeError(503, null)).isEmpty();
        assertThat(PLAIN.describeError(500, "{\"error\":{}}")).isEqualTo("Google Chat: {\"error\":{}}");
    }

    @Test
    void shortensLongErrorsOnOneLine() {
        String body = "{\"error\":{\"status\":\"" + "S".repeat(500) + "\",\"message\":\"" + "m\\n".repeat(2_000)
                + "\"}}";
        assertThat(PLAIN.describeError(418, body)).hasSizeLessThan(13 + 100 + 2 + 300 + 1).doesNotContain("\n")
                .contains("S…: m m m");
    }
}
