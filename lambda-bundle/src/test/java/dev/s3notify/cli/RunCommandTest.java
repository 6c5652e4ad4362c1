package dev.s3notify.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.s3notify.cli.TestConsole.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.s3notify.core.testing.S3ProxyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code s3notify run}: link, in-memory bus, format, deliver or preview, on S3 events in every envelope. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOOK = "/api/webhooks/123/secret-token-abc";

    private final TestConsole console = new TestConsole();
    private WireMockServer webhook;

    @BeforeEach
    void startWebhook() {
        webhook = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        webhook.start();
    }

    @AfterEach
    void stopWebhook() {
        webhook.stop();
    }

    @Test
    void previewsADiscordPayloadLinkingToTheObjectWithNoWebhookAndNoCredentials() {
        int exit = console.run(Map.of(), "run", "--event", example("eventbridge-object-created.json"));

        assertThat(exit).as(console.err()).isZero();
        JsonNode report = console.json();
        assertThat(report.get("mode").asText()).isEqualTo("preview");
        JsonNode object = report.get("objects").get(0);
        assertThat(object.get("key").asText()).isEqualTo("reports/quarterly-report.pdf");
        assertThat(object.get("eventType").asText()).isEqualTo("created");
        assertThat(object.get("kind").asText()).isEqualTo("discord");
        assertThat(object.get("delivered").asBoolean()).isFalse();
        JsonNode embed = object.get("body").get("embeds").get(0);
        assertThat(embed.get("title").asText()).isEqualTo("quarterly-report.pdf");
        // us-east-1's links use S3's global host, as the SDK's presigner (and the AWS documentation) do.
        assertThat(embed.get("url").asText()).startsWith(
                "https://example-uploads.s3.amazonaws.com/reports/quarterly-report.pdf?")
                .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256&");
        assertThat(object.get("body").get("allowed_mentions").get("parse")).isEmpty();
        assertThat(console.err()).contains("preview mode").contains("nothing is sent").contains("as discord");
        assertThat(webhook.getAllServeEvents()).isEmpty();
    }

    @Test
    void previewsWithTheKindTheEnvironmentOrCommandLineNames() {
        assertThat(console.run(Map.of("WEBHOOK_KIND", "slack"), "run", "--event",
                example("eventbridge-object-created.json"))).as(console.err()).isZero();
        assertThat(console.json().get("objects").get(0).get("kind").asText()).isEqualTo("slack");
        assertThat(console.err()).doesNotContain("as discord");

        assertThat(console.run(Map.of("WEBHOOK_KIND", "slack"), "run", "--kind", "teams", "--template",
                "{{fileName}} landed", "--event", example("eventbridge-object-created.json"))).isZero();
        JsonNode object = console.json().get("objects").get(0);
        assertThat(object.get("kind").asText()).isEqualTo("teams");
        assertThat(object.get("body").toString()).contains("quarterly-report.pdf landed");
    }

    @Test
    void deliversToTheWebhookTheBodyItReports() {
        webhook.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(200)));
        Map<String, String> env = withCredentials("WEBHOOK_KIND", "discord", "WEBHOOK_URL", webhook.baseUrl() + HOOK);

        int exit = console.run(env, "run", "--event", example("eventbridge-object-created.json"));

        assertThat(exit).as(console.err()).isZero();
        JsonNode report = console.json();
        assertThat(report.get("mode").asText()).isEqualTo("delivery");
        JsonNode object = report.get("objects").get(0);
        assertThat(object.get("delivered").asBoolean()).isTrue();
        assertThat(object.get("host").asText()).isEqualTo("localhost");
        webhook.verify(1, postRequestedFor(urlPathEqualTo(HOOK))
                .withRequestBody(equalToJson(object.get("body").toString())));
        assertThat(console.out() + console.err()).doesNotContain("secret-token-abc").doesNotContain("preview mode")
                .contains("delivered 1 of 1");
    }

    @Test
    void givesEachRunsEventsIdsOfTheirOwnSoReceiversDoNotDropThemAsDuplicates() {
        webhook.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        Map<String, String> env = withCredentials("WEBHOOK_KIND", "generic", "WEBHOOK_URL", webhook.baseUrl() + "/hook");

        assertThat(console.run(env, "run", "--event", example("eventbridge-object-created.json"))).isZero();
        assertThat(console.run(env, "run", "--event", example("eventbridge-object-created.json"))).isZero();

        List<String> ids = webhook.getAllServeEvents().stream().map(e -> e.getRequest().getHeader("webhook-id"))
                .toList();
        assertThat(ids).hasSize(2).doesNotHaveDuplicates().allMatch(id -> id.startsWith("local-"));
    }

    @Test
    void exitsOneWithTheReasonWhenTheWebhookRefuses() {
        webhook.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\": \"Unknown Webhook\", \"code\": 10015}")));
        Map<String, String> env = Map.of("WEBHOOK_KIND", "discord", "WEBHOOK_URL", webhook.baseUrl() + HOOK);

        int exit = console.run(env, "run", "--event", example("eventbridge-object-created.json"),
                "--allow-broken-links");

        assertThat(exit).isEqualTo(1);
        JsonNode object = console.json().get("objects").get(0);
        assertThat(object.get("delivered").asBoolean()).isFalse();
        assertThat(object.get("error").asText()).contains("HTTP 404").contains("Unknown Webhook");
        assertThat(console.err()).contains("not delivered").contains("delivered 0 of 1");
        assertThat(console.out() + console.err()).doesNotContain("secret-token-abc");
    }

    @Test
    void announcesADeletionWithoutALink() {
        int exit = console.run(Map.of(), "run", "--event", example("eventbridge-object-deleted.json"));

        assertThat(exit).as(console.err()).isZero();
        JsonNode object = console.json().get("objects").get(0);
        assertThat(object.get("eventType").asText()).isEqualTo("deleted");
        assertThat(object.get("key").asText()).isEqualTo("reports/2024/Q1-summary.pdf");
        assertThat(object.get("body").toString()).contains("Q1-summary.pdf").doesNotContain("X-Amz-");
    }

    @Test
    void handlesEveryRecordOfAnSqsBatchAndReportsTheMessageItCannot(@TempDir Path dir) throws Exception {
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode records = batch.putArray("Records");
        records.add(sqsMessage("m-1", notification("a.pdf", "b.pdf")));
        records.add(sqsMessage("m-2", "{\"hello\": \"world\"}"));
        records.add(sqsMessage("m-3", notification("c.pdf")));
        Path event = Files.writeString(dir.resolve("batch.json"), batch.toString());

        int exit = console.run(Map.of(), "run", "--event", event.toString());

        assertThat(exit).isEqualTo(1);
        JsonNode report = console.json();
        assertThat(report.get("objects").findValuesAsText("key")).containsExactly("in/a.pdf", "in/b.pdf", "in/c.pdf");
        assertThat(report.get("objects").findValuesAsText("kind")).containsOnly("discord");
        assertThat(report.get("failedMessages").toString()).isEqualTo("[\"m-2\"]");
        assertThat(console.err()).contains("1 SQS message(s) could not be handled");
    }

    @Test
    void makesALinkThatWorksWhenGivenCredentials() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start()) {
            s3.createBucket("example-uploads");
            byte[] bytes = "quarterly figures".getBytes(StandardCharsets.UTF_8);
            s3.putObject("example-uploads", "reports/quarterly-report.pdf", bytes, "application/pdf");
            Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", s3.identity(), "AWS_SECRET_ACCESS_KEY",
                    s3.credential(), "AWS_ENDPOINT_URL", s3.endpoint().toString(), "S3_FORCE_PATH_STYLE", "true");

            int exit = console.run(env, "run", "--event", example("eventbridge-object-created.json"));

            assertThat(exit).as(console.err()).isZero();
            String link = console.json().get("objects").get(0).get("body").get("embeds").get(0).get("url").asText();
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(bytes);
        }
    }

    @Test
    void acceptsEveryShippedExample() throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(TestConsole.EXAMPLES)) {
            examples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
        for (Path example : examples) {
            assertThat(console.run(Map.of(), "run", "--event", example.toString())).as(example + ": " + console.err())
                    .isZero();
            assertThat(console.json().get("objects")).as(example.toString()).isNotEmpty();
        }
    }

    @Test
    void saysSoWhenTheEventNamesNoObject(@TempDir Path dir) throws Exception {
        Path event = Files.writeString(dir.resolve("test-event.json"), "{\"Service\": \"Amazon S3\", \"Event\":"
                + " \"s3:TestEvent\", \"Time\": \"2024-05-01T12:00:00Z\", \"Bucket\": \"example-uploads\"}");

        assertThat(console.run(Map.of(), "run", "--event", event.toString())).as(console.err()).isZero();
        assertThat(console.json().get("objects")).isEmpty();
        assertThat(console.err()).contains("names no object");
    }

    @Test
    void listsEveryConfigurationProblemAndExitsTwo() {
        int exit = console.run(Map.of("WEBHOOK_URL", "http://hooks.example.com/x", "MAX_ATTEMPTS", "0"), "run",
                "--event", example("eventbridge-object-created.json"));

        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains("the configuration cannot work:\n  - ").contains("\n  - MAX_ATTEMPTS='0'")
                .contains("WEBHOOK_URL=<secret>").doesNotContain("hooks.example.com/x");
        assertThat(console.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "preview"})
    void listsTheProblemsOfBothFunctionsTogether(String command) {
        int exit = console.run(Map.of("URL_EXPIRATION_SECONDS", "8d", "EMBED_COLOR", "blue", "HEAD_OBJECT",
                "sometimes"), command, "--kind", "discord", "--event", example("eventbridge-object-created.json"));

        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains("the configuration cannot work:\n").contains("  - EMBED_COLOR='blue'")
                .contains("  - URL_EXPIRATION_SECONDS='8d'").contains("  - HEAD_OBJECT='sometimes'");
        assertThat(console.out()).isEmpty();
    }

    @Test
    void suggestsTheKindMeantByAMistypedWebhookKind() {
        int exit = console.run(Map.of("WEBHOOK_KIND", "discrod"), "run", "--event",
                example("eventbridge-object-created.json"));

        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains("WEBHOOK_KIND=discrod names no known kind; did you mean 'discord'?")
                .contains("available: discord, generic, googlechat, mattermost, ntfy, slack,"
                        + " sns, teams, telegram");
    }

    @Test
    void refusesAMissingEventFileAndStrayWords() {
        assertThat(console.run(Map.of(), "run")).isEqualTo(2);
        assertThat(console.err()).contains("--event FILE is required")
                .contains("Run 's3notify run --help' for its options.").doesNotContain("usage:");
        assertThat(console.run(Map.of(), "run", "--event", "/no/such/file.json")).isEqualTo(2);
        assertThat(console.err()).contains("no such event file");
        assertThat(console.run(Map.of(), "run", "now", "--event", example("legacy-test-event.json"))).isEqualTo(2);
        assertThat(console.err()).contains("run takes no argument 'now'");
    }

    /** The variables given, with AWS credentials: links signed offline with them, HeadObject never called. */
    static Map<String, String> withCredentials(String... keyValues) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "HEAD_OBJECT", "never"));
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    private static String notification(String... names) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode records = body.putArray("Records");
        for (String name : names) {
            ObjectNode record = records.addObject();
            record.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", "eu-west-1")
                    .put("eventTime", "2024-05-01T12:34:56.789Z").put("eventName", "ObjectCreated:Put");
            ObjectNode s3 = record.putObject("s3");
            s3.putObject("bucket").put("name", "batch-bucket");
            s3.putObject("object").put("key", "in/" + name).put("size", 1024);
        }
        return body.toString();
    }

    private static ObjectNode sqsMessage(String id, String body) {
        ObjectNode message = JSON.createObjectNode();
        message.put("messageId", id).put("receiptHandle", "r-" + id).put("body", body)
                .put("eventSource", "aws:sqs").put("awsRegion", "eu-west-1")
                .put("eventSourceARN", "arn:aws:sqs:eu-west-1:111122223333:uploads");
        return message;
    }
}
