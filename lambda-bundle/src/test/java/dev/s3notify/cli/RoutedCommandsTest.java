package dev.s3notify.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.s3notify.cli.TestConsole.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code preview}, {@code send-test} and {@code run} with a routes document: one body, one post and one report line
 * per route, {@code --route NAME} for one, and a route refused for good handed to its fallback. Against WireMock.
 */
class RoutedCommandsTest {
    private static final String PDFS = "/api/webhooks/1/pdfs-secret-token";
    private static final String CSVS = "/api/webhooks/2/csvs-secret-token";
    private static final String OPS = "/ops-secret-token";

    @RegisterExtension
    final WireMockExtension webhook = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()).build();
    private final TestConsole console = new TestConsole();

    @BeforeEach
    void acceptEveryPost() {
        webhook.stubFor(post(urlPathEqualTo(PDFS)).willReturn(aResponse().withStatus(200)));
        webhook.stubFor(post(urlPathEqualTo(CSVS)).willReturn(aResponse().withStatus(200)));
        webhook.stubFor(post(urlPathEqualTo(OPS)).willReturn(aResponse().withStatus(204)));
    }

    /** pdfs (discord, .pdf), csvs (discord, .csv, falling back to ops) and ops (generic, everything). */
    private Map<String, String> routes() {
        String base = webhook.baseUrl();
        return new HashMap<>(Map.of("ROUTES", "[{\"name\":\"pdfs\",\"kind\":\"discord\",\"url\":\"" + base + PDFS
                + "\",\"filters\":{\"suffix\":\".pdf\"}},{\"name\":\"csvs\",\"kind\":\"discord\",\"url\":\"" + base
                + CSVS + "\",\"filters\":{\"suffix\":\".csv\"},\"fallback\":\"ops\"},{\"name\":\"ops\",\"kind\":"
                + "\"generic\",\"url\":\"" + base + OPS + "\"}]", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "HEAD_OBJECT", "never"));
    }

    @Test
    void previewPrintsOneLabelledBodyPerRouteThatTakesTheEvent() {
        int exit = console.run(routes(), "preview", "--event", example("link-events/file-link-generated.json"));

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.out().lines()).hasSize(2).satisfiesExactly(
                line -> assertThat(line).startsWith("route pdfs: {").contains("quarterly-report.pdf"),
                line -> assertThat(line).startsWith("route ops: {").contains("quarterly-report.pdf"));
        webhook.verify(0, postRequestedFor(urlPathEqualTo(PDFS)));
    }

    @Test
    void everyNewKindWorksAsARoutesKindWithItsSettings() {
        String routes = "[{\"name\":\"g\",\"kind\":\"googlechat\",\"url\":\"https://chat.googleapis.com/v1/spaces/AAA"
                + "/messages?key=k&token=chat-secret-token\"},{\"name\":\"m\",\"kind\":\"mattermost\",\"url\":"
                + "\"https://mm.example.com/hooks/abcdefghijklmnopqrstuvwxyz\",\"settings\":{\"MATTERMOST_FORMAT\":"
                + "\"text\"}},{\"name\":\"n\",\"kind\":\"ntfy\",\"url\":\"https://ntfy.sh/\",\"settings\":"
                + "{\"NTFY_TOPIC\":\"uploads\"}},{\"name\":\"t\",\"kind\":\"telegram\",\"url\":"
                + "\"https://api.telegram.org/bot123:bot-secret-token/sendMessage\",\"settings\":{\"TELEGRAM_CHAT_ID\":"
                + "\"-100123\"}},{\"name\":\"s\",\"url\":\"arn:aws:sns:us-east-1:123456789012:uploads\","
                + "\"settings\":{\"SNS_MESSAGE_SHAPE\":\"chatbot\"}}]";

        int exit = console.run(Map.of("ROUTES", routes), "preview", "--event",
                example("link-events/file-link-generated.json"));

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.out().lines()).satisfiesExactly(
                line -> assertThat(line).startsWith("route g: {\"text\":").contains("cardsV2"),
                line -> assertThat(line).startsWith("route m: {\"text\":"),
                line -> assertThat(line).startsWith("route n: {\"topic\":\"uploads\""),
                line -> assertThat(line).startsWith("route t: {\"chat_id\":-100123"),
                line -> assertThat(line).startsWith("route s: {\"version\":\"1.0\",\"source\":\"custom\""));
        assertThat(console.out() + console.err()).doesNotContain("secret-token");

        String missing = routes.replace("{\"NTFY_TOPIC\":\"uploads\"}", "{}");
        assertThat(console.run(Map.of("ROUTES", missing), "preview", "--event",
                example("link-events/file-link-generated.json"))).isEqualTo(2);
        assertThat(console.err()).contains("route 'n'").contains("NTFY_TOPIC is required");
    }

    @Test
    void previewWithARouteNamePrintsThatRoutesBodyUnlabelled() {
        int exit = console.run(routes(), "preview", "--route", "ops", "--event",
                example("link-events/file-link-generated.json"));

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.out()).startsWith("{").doesNotContain("route ");
        assertThat(console.json().toString()).contains("quarterly-report.pdf");
    }

    @Test
    void previewWithARouteNameShowsNeitherItsFallbackNorTheOthers() {
        int exit = console.run(routes(), "preview", "--route", "csvs", "--event",
                example("link-events/file-link-generated.json"));

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.out()).as("ops, csvs' fallback, takes every event but is not the route chosen").isEmpty();
        assertThat(console.err()).contains("1 event matched no route of those chosen");
    }

    @Test
    void aRouteNameTheDocumentLacksIsAConfigurationErrorWithADidYouMean() {
        int exit = console.run(routes(), "preview", "--route", "pfds", "--event",
                example("link-events/file-link-generated.json"));

        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains("pfds").contains("pdfs");
        assertThat(console.out()).isEmpty();
    }

    @Test
    void kindAndTemplateDoNotApplyWithRoutes() {
        assertThat(console.run(routes(), "preview", "--kind", "slack", "--event",
                example("link-events/file-link-generated.json"))).isEqualTo(2);
        assertThat(console.err()).contains("--kind");
        assertThat(console.run(routes(), "send-test", "--template", "{{fileName}}")).isEqualTo(2);
        assertThat(console.err()).contains("--template");
        assertThat(webhook.getAllServeEvents()).isEmpty();
    }

    @Test
    void sendTestPostsToEveryRoutesWebhookWhateverItsFilters() {
        int exit = console.run(routes(), "send-test");

        assertThat(exit).as(console.err()).isZero();
        JsonNode routes = console.json().get("routes");
        assertThat(routes).hasSize(3);
        assertThat(routes.findValuesAsText("route")).containsExactly("pdfs", "csvs", "ops");
        assertThat(routes.findValues("delivered")).allMatch(JsonNode::asBoolean);
        for (String path : new String[] {PDFS, CSVS, OPS}) {
            webhook.verify(1, postRequestedFor(urlPathEqualTo(path)).withRequestBody(containing("sample-report.pdf")));
        }
        assertThat(console.err()).contains("route csvs: the discord webhook at localhost accepted the test message");
        assertThat(console.out() + console.err()).doesNotContain("secret-token");
    }

    @Test
    void sendTestWithARouteNamePostsToThatWebhookAlone() {
        int exit = console.run(routes(), "send-test", "--route", "csvs");

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.json().get("routes").findValuesAsText("route")).containsExactly("csvs");
        webhook.verify(1, postRequestedFor(urlPathEqualTo(CSVS)));
        webhook.verify(0, postRequestedFor(urlPathEqualTo(PDFS)));
        webhook.verify(0, postRequestedFor(urlPathEqualTo(OPS)));
    }

    @Test
    void sendTestHandsAMessageRefusedForGoodToTheFallbackAndSaysSo() {
        webhook.stubFor(post(urlPathEqualTo(CSVS)).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\": \"Unknown Webhook\", \"code\": 10015}")));

        int exit = console.run(routes(), "send-test", "--route", "csvs");

        JsonNode result = console.json().get("routes").get(0);
        assertThat(result.get("route").asText()).isEqualTo("csvs");
        assertThat(result.get("fallback").asText()).isEqualTo("ops");
        assertThat(result.get("delivered").asBoolean()).isTrue();
        assertThat(exit).as(console.err()).isZero();
        webhook.verify(1, postRequestedFor(urlPathEqualTo(OPS)).withRequestBody(containing("Meant for route 'csvs'"))
                .withRequestBody(containing("Unknown Webhook")));
        assertThat(console.err()).contains("as the fallback route ops");
        assertThat(console.out() + console.err()).doesNotContain("secret-token");
    }

    @Test
    void runDeliversToEveryMatchingRouteAndReportsEachPost() {
        int exit = console.run(routes(), "run", "--event", example("eventbridge-object-created.json"));

        assertThat(exit).as(console.err()).isZero();
        JsonNode objects = console.json().get("objects");
        assertThat(objects.findValuesAsText("route")).containsExactlyInAnyOrder("pdfs", "ops");
        assertThat(objects.findValues("delivered")).allMatch(JsonNode::asBoolean);
        webhook.verify(1, postRequestedFor(urlPathEqualTo(PDFS)).withRequestBody(containing("quarterly-report.pdf"))
                .withRequestBody(containing("X-Amz-Signature=")));
        webhook.verify(1, postRequestedFor(urlPathEqualTo(OPS)));
        webhook.verify(0, postRequestedFor(urlPathEqualTo(CSVS)));
        assertThat(console.out() + console.err()).doesNotContain("secret-token");
    }

    @Test
    void runFailsWhenARouteRefusesButStillDeliversToTheOthers() {
        webhook.stubFor(post(urlPathEqualTo(PDFS)).willReturn(aResponse().withStatus(403)
                .withBody("{\"message\": \"Missing Access\", \"code\": 50001}")));

        int exit = console.run(routes(), "run", "--event", example("eventbridge-object-created.json"),
                "--allow-broken-links");

        assertThat(exit).isEqualTo(1);
        webhook.verify(1, postRequestedFor(urlPathEqualTo(OPS)));
        JsonNode objects = console.json().get("objects");
        assertThat(objects.toString()).contains("Missing Access");
        assertThat(console.err()).contains("not delivered");
        assertThat(console.out() + console.err()).doesNotContain("secret-token");
    }
}
