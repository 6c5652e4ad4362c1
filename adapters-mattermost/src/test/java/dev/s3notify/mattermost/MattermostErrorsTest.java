package dev.s3notify.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MattermostErrorsTest {
    private final dev.s3notify.spi.WebhookFormatter formatter = MattermostEvents.formatter(java.util.Map.of());

    @Test
    void wordsMattermostsJsonErrorWithAHint() {
        assertThat(formatter.describeError(400, "{\"id\":\"web.incoming_webhook.invalid.app_error\",\"message\":"
                + "\"Invalid webhook.\",\"detailed_error\":\"\",\"request_id\":\"abc\",\"status_code\":400}"))
                .isEqualTo("Mattermost: Invalid webhook. (web.incoming_webhook.invalid.app_error; the webhook does"
                        + " not exist: it was deleted or the URL is wrong; create a new one under Integrations >"
                        + " Incoming Webhooks)");
    }

    @Test
    void pointsAtMattermostChannelWhenTheWebhookIsLocked() {
        assertThat(formatter.describeError(403, "{\"id\":\"web.incoming_webhook.channel_locked.app_error\","
                + "\"message\":\"This webhook is not permitted to post to the requested channel.\",\"status_code\":403}"))
                .endsWith("unset MATTERMOST_CHANNEL)");
    }

    @Test
    void neverQuotesTheDetailedErrorWhichCanHoldTheWebhookId() {
        String described = formatter.describeError(400, "{\"id\":\"api.webhook.incoming.error\",\"message\":"
                + "\"Could not decode the multipart payload of incoming webhook.\",\"detailed_error\":"
                + "\"webhook_id=xuqopbzyp7ggxp8ymf5c4fzsqe, error: bad\",\"status_code\":400}");

        assertThat(described).doesNotContain("xuqopbzyp7ggxp8ymf5c4fzsqe").contains("Could not decode");
    }

    @Test
    void wordsTheRateLimitersPlainAnswer() {
        assertThat(formatter.describeError(429, "limit exceeded\n"))
                .startsWith("Mattermost: limit exceeded (its rate limiting is on");
    }

    @Test
    void showsAnUnknownIdAsMattermostSentIt() {
        assertThat(formatter.describeError(500, "{\"id\":\"app.something.new\",\"message\":\"Boom\"}"))
                .isEqualTo("Mattermost: Boom (app.something.new)");
    }

    @Test
    void saysWhenMattermostGaveNoReason() {
        assertThat(formatter.describeError(502, "")).isEqualTo("Mattermost gave no reason (HTTP 502)");
        assertThat(formatter.describeError(502, null)).isEqualTo("Mattermost gave no reason (HTTP 502)");
    }

    @Test
    void takesTheFirstLineOfAnHtmlAnswer() {
        assertThat(formatter.describeError(502, "<html>\n<body>Bad gateway</body>"))
                .isEqualTo("Mattermost: <html>");
    }
}
