package dev.s3notify.ntfy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.spi.WebhookFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NtfyErrorsTest {
    private final WebhookFormatter formatter = NtfyEvents.formatter(Map.of());

    @Test
    void wordsNtfysJsonErrorWithAHint() {
        assertThat(formatter.describeError(401, "{\"code\":40101,\"http\":401,\"error\":\"unauthorized\","
                + "\"link\":\"https://ntfy.sh/docs/publish/#authentication\"}\n"))
                .isEqualTo("ntfy: unauthorized (40101; the topic needs an access token: set NTFY_ACCESS_TOKEN (ntfy"
                        + " token add USER, or Account > Access tokens); a token that is set is wrong, expired or"
                        + " deleted)");
    }

    @Test
    void wordsTheRequestLimit() {
        assertThat(formatter.describeError(429, "{\"code\":42901,\"http\":429,\"error\":\"limit reached: too many"
                + " requests, please be nice\",\"link\":\"https://ntfy.sh/docs/publish/#limitations\"}"))
                .startsWith("ntfy: limit reached: too many requests, please be nice (42901; too many requests")
                .contains("one every 5 seconds");
    }

    @Test
    void pointsAtTheRootUrlWhenTheBodyIsNotAMessage() {
        assertThat(formatter.describeError(400, "{\"code\":40024,\"http\":400,\"error\":\"invalid request: request"
                + " body must be valid JSON\"}")).endsWith("WEBHOOK_URL must be the server's root URL)");
    }

    @Test
    void showsAnUnknownCodeAsNtfySentIt() {
        assertThat(formatter.describeError(400, "{\"code\":40099,\"http\":400,\"error\":\"something new\"}"))
                .isEqualTo("ntfy: something new (40099)");
    }

    @Test
    void takesTheFirstLineOfAPlainAnswer() {
        assertThat(formatter.describeError(502, "Bad Gateway\n<html>")).isEqualTo("ntfy: Bad Gateway");
    }

    @Test
    void saysWhenNtfyGaveNoReason() {
        assertThat(formatter.describeError(500, null)).isEqualTo("ntfy gave no reason (HTTP 500)");
        assertThat(formatter.describeError(500, " ")).isEqualTo("ntfy gave no reason (HTTP 500)");
    }
}
