package dev.s3notify.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.spi.WebhookFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscordErrorsTest {
    private final WebhookFormatter formatter = Events.formatter(Map.of());

    @Test
    void wordsDiscordsCodeAndMessage() {
        assertThat(formatter.describeError(400, "{\"code\": 50006, \"message\": \"Cannot send an empty message\"}"))
                .isEqualTo("Discord error 50006: Cannot send an empty message");
    }

    @Test
    void addsTheFirstFieldDiscordComplainsAbout() {
        String body = "{\"code\": 50035, \"errors\": {\"embeds\": {\"0\": {\"description\": {\"_errors\": [{\"code\":"
                + " \"BASE_TYPE_MAX_LENGTH\", \"message\": \"Must be 4096 or fewer in length.\"}]}, \"title\":"
                + " {\"_errors\": [{\"code\": \"X\", \"message\": \"second\"}]}}}}, \"message\": \"Invalid Form Body\"}";
        assertThat(formatter.describeError(400, body)).isEqualTo(
                "Discord error 50035: Invalid Form Body; embeds.0.description: Must be 4096 or fewer in length.");
    }

    @Test
    void saysTheWebhookWasDeletedWhenDiscordDoesNotKnowIt() {
        assertThat(formatter.describeError(404, "{\"message\": \"Unknown Webhook\", \"code\": 10015}"))
                .startsWith("Discord error 10015: Unknown Webhook (the webhook was deleted")
                .contains("update WEBHOOK_URL");
    }

    @Test
    void mentionsWhenToRetryAfterARateLimit() {
        assertThat(formatter.describeError(429, "{\"message\": \"You are being rate limited.\", \"retry_after\":"
                + " 0.532, \"global\": false, \"code\": 0}"))
                .isEqualTo("Discord error: You are being rate limited. (retry after 0.532 s)");
    }

    @Test
    void givesTheFirstLineOfAnythingElse() {
        assertThat(formatter.describeError(502, "<html>\n<body>Bad gateway</body>")).isEqualTo("<html>");
        assertThat(formatter.describeError(502, "  upstream timed out\nsecond line")).isEqualTo("upstream timed out");
        assertThat(formatter.describeError(500, "")).isEmpty();
        assertThat(formatter.describeError(500, null)).isEmpty();
        assertThat(formatter.describeError(400, "{not json")).isEqualTo("{not json");
    }

    @Test
    void shortensLongExplanationsTo300Characters() {
        String described = formatter.describeError(400, "{\"code\": 50035, \"message\": \"" + "m".repeat(1_000) + "\"}");
        assertThat(described).hasSize(300).endsWith("m…");
        assertThat(formatter.describeError(400, "x".repeat(20_000))).hasSize(300);
    }

    @Test
    void neverEchoesTheWebhookToken() {
        assertThat(formatter.describeError(404, "Cannot POST /api/webhooks/123456/AbC-dEf_123.tok?wait=true"))
                .isEqualTo("Cannot POST /api/webhooks/123456/<redacted>?wait=true");
    }
}
