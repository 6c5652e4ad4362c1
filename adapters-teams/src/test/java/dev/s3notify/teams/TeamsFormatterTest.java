package dev.s3notify.teams;

import static dev.s3notify.teams.Events.FORMATTER;
import static dev.s3notify.teams.Events.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsFormatterTest {
    private static final String CUSTOM = "{{#hasLink}}New in {{bucket}}: _{{key}}_ ({{sizeText}}, {{contentType}})."
            + " [Open it]({{{fileUrl}}}) before {{expiresAt}}.{{/hasLink}}{{^hasLink}}{{key}} is gone.{{/hasLink}}";

    @Test
    void postsTheDefaultCardForAnUpload() {
        assertGolden("created-default", Events.created("reports/Q3 report.pdf", Events.url("q3")),
                TEAMS.defaultTemplate());
    }

    @Test
    void postsACustomTemplateInsideTheCard() {
        assertGolden("created-custom", Events.created("reports/2026/Q3_final (v2).pdf", Events.url("q3")), CUSTOM);
    }

    @Test
    void postsARemovalWithoutDownloadButtonSizeOrExpiry() {
        assertGolden("deleted-default", Events.deleted("reports/old.pdf"), TEAMS.defaultTemplate());
    }

    @Test
    void postsARemovalWithACustomTemplate() {
        assertGolden("deleted-custom", Events.deleted("reports/old.pdf"), CUSTOM);
    }

    @Test
    void postsTheOldSystemsFiveFieldEvent() {
        assertGolden("old-system-default", Events.oldSystem(), TEAMS.defaultTemplate());
    }

    @Test
    void postsARestoredFileWithItsLink() {
        assertGolden("restored-default", Events.restored("archive/2019.tar", Events.url("r")),
                TEAMS.defaultTemplate());
    }

    @Test
    void wordsRestoreStartedAndExpiredEventsWithoutClaimingARemoval() {
        for (EventType type : new EventType[] {EventType.RESTORE_STARTED, EventType.RESTORE_EXPIRED}) {
            LinkEvent event = Events.event("archive/2019.tar", null, type);
            String message = Events.card(Events.format(event, TEAMS.defaultTemplate())).path("body").path(1)
                    .path("text").asText();
            assertThat(message).contains("**2019.tar**").doesNotContain("removed", "uploaded");
        }
    }

    @Test
    void hasTheKindTeams() {
        assertThat(TEAMS.kind()).isEqualTo("teams");
        assertThat(TEAMS.variables()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://prod-00.westus.logic.azure.com:443/workflows/0a1b/triggers/manual/paths/invoke?api-version=2016-06-01"
            + "&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=abc",
        "https://default0123456789abcdef0123456789ab.cd.environment.api.powerplatform.com:443/powerautomate/automations"
            + "/direct/workflows/c3181d4e41694cfebd1c7502d219b6a9/triggers/manual/paths/invoke?api-version=1&sig=abc",
        "https://contoso.webhook.office.com/webhookb2/0a1b@0c2d/IncomingWebhook/ef/12",
        "https://outlook.office.com/webhook/0a1b@0c2d/IncomingWebhook/ef/12",
        "HTTPS://PROD-23.WESTEUROPE.LOGIC.AZURE.COM/workflows/x/triggers/manual/paths/invoke"})
    void recognizesWorkflowAndLegacyConnectorUrls(String url) {
        assertThat(TEAMS.recognizes(URI.create(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://prod-00.westus.logic.azure.com/workflows/x/triggers/manual/paths/invoke",
        "https://logic.azure.com.evil.example/workflows/x",
        "https://evillogic.azure.com/workflows/x",
        "https://environment.api.powerplatform.com.attacker.example/powerautomate",
        "https://webhook.office.com/webhookb2/x",
        "https://outlook.office.com/mail/inbox",
        "https://discord.com/api/webhooks/1/abc",
        "https://hooks.slack.com/services/T0/B0/x",
        "https://example.com/hooks/teams"})
    void doesNotRecognizeOtherOrLookalikeHosts(String url) {
        assertThat(TEAMS.recognizes(URI.create(url))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://contoso.webhook.office.com/webhookb2/0a1b@0c2d/IncomingWebhook/ef/12",
        "https://CONTOSO.WEBHOOK.OFFICE.COM./webhookb2/x",
        "https://outlook.office365.com/webhook/0a1b@0c2d/IncomingWebhook/ef/12"})
    void refusesRetiredConnectorUrlsSayingWhatToUseInstead(String url) {
        assertThat(TEAMS.refuses(URI.create(url))).get().asString()
                .contains("Office 365 connector", "retired", "Post to a channel when a webhook request is received",
                        "*.environment.api.powerplatform.com", "*.logic.azure.com")
                .doesNotContain("0a1b");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://prod-00.westus.logic.azure.com:443/workflows/0a1b/triggers/manual/paths/invoke?sig=abc",
        "https://default01.cd.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/x",
        "https://relay.example.com/teams"})
    void acceptsWorkflowAndOtherUrls(String url) {
        assertThat(TEAMS.refuses(URI.create(url))).isEmpty();
    }

    @Test
    void doesNotRecognizeAUrlWithoutHost() {
        assertThat(TEAMS.recognizes(URI.create("mailto:ops@example.com"))).isFalse();
    }

    @Test
    void describesAWorkflowErrorByCodeAndMessage() {
        String body = "{\"error\":{\"code\":\"TriggerInputSchemaMismatch\",\"message\":\"The input body for"
                + " trigger 'manual' of type 'Request' did not match its schema definition.\"}}";
        assertThat(FORMATTER.describeError(400, body)).startsWith("Teams: TriggerInputSchemaMismatch: The input body for"
                + " trigger 'manual' of type 'Request' did not match its schema definition.")
                .contains("Post to a channel when a webhook request is received");
    }

    @Test
    void hintsAtTheSignatureOrATurnedOffFlowWhenRefused() {
        String body = "{\"error\":{\"code\":\"DirectApiAuthorizationRequired\",\"message\":\"The request must be"
                + " authenticated.\"}}";
        for (int status : new int[] {401, 403}) {
            assertThat(FORMATTER.describeError(status, body)).isEqualTo("Teams: DirectApiAuthorizationRequired: The request"
                    + " must be authenticated. (the workflow's trigger may require a signed URL (copy the whole URL,"
                    + " sig parameter included) or the flow is turned off)");
        }
        assertThat(FORMATTER.describeError(403, "")).startsWith("Teams: no explanation in the response (the workflow's");
    }

    @Test
    void saysAMissingWorkflowMayHaveBeenDeleted() {
        assertThat(FORMATTER.describeError(404, "{\"error\":{\"code\":\"WorkflowNotFound\",\"message\":\"x\"}}"))
                .isEqualTo("Teams: WorkflowNotFound: x (the workflow may have been deleted, or the URL is incomplete)");
    }

    @Test
    void describesAPlainTextErrorByItsFirstLine() {
        assertThat(FORMATTER.describeError(400, "\n  Summary or Text is required.\nmore detail"))
                .isEqualTo("Teams: Summary or Text is required.");
        assertThat(FORMATTER.describeError(400, "{not json")).isEqualTo("Teams: {not json");
    }

    @Test
    void neverEchoesTheWorkflowSignature() {
        String body = "{\"error\":{\"code\":\"Bad\",\"message\":\"https://prod-00.westus.logic.azure.com/workflows/1"
                + "/triggers/manual/paths/invoke?api-version=1&sig=SeCrEt123&sv=1.0 failed\"}}";
        assertThat(FORMATTER.describeError(400, body)).doesNotContain("SeCrEt123").contains("sig=<redacted>&sv=1.0");
    }

    @Test
    void shortensLongErrorsOnOneLine() {
        String body = "{\"error\":{\"code\":\"" + "C".repeat(500) + "\",\"message\":\"" + "m\\n".repeat(2_000)
                + "\"}}";
        String described = FORMATTER.describeError(400, body);
        assertThat(described).hasSizeLessThan(7 + 100 + 2 + 300 + 1).doesNotContain("\n").contains("C…: m m m");
        assertThat(FORMATTER.describeError(400, "x".repeat(20_000))).hasSize(7 + 300).endsWith("x…");
    }

    @Test
    void saysNothingMoreThanTheStatusForAnEmptyServerError() {
        assertThat(FORMATTER.describeError(502, "")).isEmpty();
        assertThat(FORMATTER.describeError(502, null)).isEmpty();
        assertThat(FORMATTER.describeError(500, "{\"error\":{}}")).isEqualTo("Teams: {\"error\":{}}");
    }

    private static void assertGolden(String name, LinkEvent event, String template) {
        WebhookRequest request = Events.format(event, template);
        Events.keep(name, request);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.headers()).isEmpty();
        assertThat(request.query()).isEmpty();
        assertThat(Events.tree(request)).isEqualTo(Events.fixture(name + ".json"));
    }
}
