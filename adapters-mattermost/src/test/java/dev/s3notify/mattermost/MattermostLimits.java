package dev.s3notify.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Mattermost's limits, checked on a parsed body. */
final class MattermostLimits {
    static final int POST_CODE_POINTS = 16_383;

    private MattermostLimits() {
    }

    static void assertWithinLimits(JsonNode body) {
        boolean text = body.hasNonNull("text") && !body.path("text").asText().isBlank();
        assertThat(text || body.path("attachments").size() == 1).as("text or one attachment").isTrue();
        assertThat(codePoints(body.path("text").asText())).as("text").isLessThanOrEqualTo(POST_CODE_POINTS);
        JsonNode attachment = body.path("attachments").path(0);
        assertThat(codePoints(attachment.path("text").asText())).as("attachment text")
                .isLessThanOrEqualTo(POST_CODE_POINTS);
        assertThat(codePoints(attachment.path("fallback").asText())).isLessThanOrEqualTo(300);
        attachment.path("fields").forEach(field -> assertThat(codePoints(field.path("value").asText()))
                .isLessThanOrEqualTo(300));
    }

    static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
