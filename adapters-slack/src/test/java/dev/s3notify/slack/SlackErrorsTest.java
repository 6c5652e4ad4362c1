package dev.s3notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.spi.WebhookFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackErrorsTest {
    private final WebhookFormatter formatter = SlackEvents.formatter(Map.of());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "404 | no_service                        | the webhook was removed or disabled; create a new one",
        "403 | invalid_token                     | the webhook's token is invalid or was revoked; create a new webhook",
        "404 | channel_not_found                 | the webhook's channel no longer exists; create a webhook for",
        "410 | channel_is_archived               | the webhook's channel is archived; unarchive it or create",
        "403 | action_prohibited                 | a workspace admin restricted posting with this webhook here",
        "400 | invalid_payload                   | Slack could not read the message; check MESSAGE_TEMPLATE",
        "400 | no_text                           | the message had no text",
        "400 | no_service_id                     | the webhook URL is incomplete; copy it again from the Slack app",
        "404 | no_team                           | the workspace in the webhook URL does not exist; copy the URL",
        "403 | team_disabled                     | the workspace was disabled",
        "403 | posting_to_general_channel_denied | only admins may post to this channel; pick another channel",
        "400 | too_many_attachments              | the message had too many attachments"})
    void wordsSlacksReasonWithAHint(int status, String reason, String hint) {
        assertThat(formatter.describeError(status, reason)).startsWith("Slack: " + reason + " (" + hint)
                .endsWith(")");
    }

    @Test
    void showsAnUnknownReasonAsSlackWroteIt() {
        assertThat(formatter.describeError(400, "some_new_reason")).isEqualTo("Slack: some_new_reason");
    }

    @Test
    void readsTheReasonOfAWorkflowWebhooksJsonAnswer() {
        assertThat(formatter.describeError(400, "{\"ok\":false,\"error\":\"invalid_workflow_input\"}"))
                .isEqualTo("Slack: invalid_workflow_input");
    }

    @Test
    void takesTheFirstLineOfAnAnswerAndTrimsIt() {
        assertThat(formatter.describeError(500, "  rollup_error\r\n<html>details</html>"))
                .isEqualTo("Slack: rollup_error (an error inside Slack, usually passing)");
    }

    @Test
    void saysWhenSlackGaveNoReason() {
        assertThat(formatter.describeError(502, "")).isEqualTo("Slack gave no reason (HTTP 502)");
        assertThat(formatter.describeError(502, null)).isEqualTo("Slack gave no reason (HTTP 502)");
    }

    @Test
    void shortensALongAnswer() {
        assertThat(formatter.describeError(400, "x".repeat(20_000))).isEqualTo("Slack: " + "x".repeat(199) + "…");
    }
}
