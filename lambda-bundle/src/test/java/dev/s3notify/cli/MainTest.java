package dev.s3notify.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.s3notify.core.testing.S3ProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in process, on the example events shipped in docs/examples. */
class MainTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of(System.getProperty("repo.root", ".."), "docs", "examples");
    private static S3ProxyServer s3;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        s3 = S3ProxyServer.start();
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @Test
    void dryRunPrintsALinkThatS3ProxyAcceptsWhenPointedAtIt() throws Exception {
        s3.createBucket("example-uploads");
        byte[] bytes = "quarterly figures".getBytes(StandardCharsets.UTF_8);
        s3.putObject("example-uploads", "reports/quarterly-report.pdf", bytes, "application/pdf");
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", s3.identity(), "AWS_SECRET_ACCESS_KEY", s3.credential(),
                "AWS_ENDPOINT_URL", s3.endpoint().toString(), "S3_FORCE_PATH_STYLE", "true");

        int exit = run(env, "invoke", "link-generator", "--event",
                EXAMPLES.resolve("eventbridge-object-created.json").toString(), "--dry-run");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode printed = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(printed.get("dryRun").asBoolean()).isTrue();
        JsonNode entry = printed.get("wouldPublish").get(0);
        assertThat(entry.get("DetailType").asText()).isEqualTo("file-link-generated");
        String link = entry.get("Detail").get("fileUrl").asText();
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
    }

    @Test
    void acceptsTheOldSystemsTestEventUnchanged() throws Exception {
        int exit = run(Map.of(), "invoke", "link-generator", "--event",
                EXAMPLES.resolve("legacy-test-event.json").toString(), "--dry-run");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode detail = JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("wouldPublish").get(0).get("Detail");
        assertThat(detail.get("fileName").asText()).isEqualTo("test-file.pdf");
        assertThat(detail.get("bucket").asText()).isEqualTo("your-bucket-name");
        assertThat(detail.get("fileUrl").asText())
                .startsWith("https://your-bucket-name.s3.amazonaws.com/test-file.pdf?");
    }

    @Test
    void makesLinksOnTheSovereignCloudsHostsInItsRegion(@TempDir Path dir) throws Exception {
        String example = Files.readString(EXAMPLES.resolve("eventbridge-object-created.json"));
        Path event = Files.writeString(dir.resolve("eusc.json"), example.replace("us-east-1", "eusc-de-east-1"));

        int exit = run(Map.of("AWS_REGION", "eusc-de-east-1"), "invoke", "link-generator", "--event",
                event.toString(), "--dry-run");

        assertThat(exit).as(err.toString()).isZero();
        String link = JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("wouldPublish").get(0).get("Detail")
                .get("fileUrl").asText();
        assertThat(URI.create(link).getHost()).isEqualTo("example-uploads.s3.eusc-de-east-1.amazonaws.eu");
        assertThat(link).contains("%2Feusc-de-east-1%2Fs3%2Faws4_request");
    }

    @Test
    void acceptsEveryShippedExampleInADryRun() throws Exception {
        try (var files = Files.list(EXAMPLES)) {
            for (Path example : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                out.reset();
                assertThat(run(Map.of("HEAD_OBJECT", "never"), "invoke", "link-generator", "--event",
                        example.toString(), "--dry-run")).as(example + ": " + err).isZero();
            }
        }
    }

    @Test
    void refusesAFileThatIsNotAnEventAsBadUsageInEitherFunction(@TempDir Path dir) throws Exception {
        Path event = Files.writeString(dir.resolve("bad.json"), "{\"hello\":\"world\"}");

        assertThat(run(Map.of(), "invoke", "link-generator", "--event", event.toString(), "--dry-run")).isEqualTo(2);
        assertThat(err.toString()).contains("neither an S3 event nor a file-link-generated event")
                .doesNotContain("failed:");
        err.reset();
        assertThat(run(Map.of("WEBHOOK_URL", "http://localhost:9/hook"), "invoke", "webhook-dispatcher", "--event",
                event.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("neither an S3 event nor a file-link-generated event");
    }

    @Test
    void failsWithExitTwoOnBadConfiguration() {
        int exit = run(Map.of("URL_EXPIRATION_SECONDS", "0"), "invoke", "link-generator", "--event",
                EXAMPLES.resolve("legacy-test-event.json").toString(), "--dry-run");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("URL_EXPIRATION_SECONDS='0'");
    }

    @Test
    void failsWithExitTwoOnBadUsage() {
        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(run(Map.of(), "frobnicate")).isEqualTo(2);
        assertThat(run(Map.of(), "invoke", "link-generator")).isEqualTo(2);
        assertThat(err.toString()).contains("--event FILE is required");
        assertThat(run(Map.of(), "invoke", "link-generator", "--event", "/no/such/file.json")).isEqualTo(2);
        assertThat(err.toString()).contains("no such event file");
        assertThat(run(Map.of(), "invoke", "nothing", "--event", "x")).isEqualTo(2);
    }

    @Test
    void invokesTheDispatcherAgainstALocalWebhook() throws Exception {
        WireMockServer webhook = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        webhook.start();
        try {
            webhook.stubFor(post(urlPathEqualTo("/api/webhooks/1/token")).willReturn(aResponse().withStatus(200)));
            Map<String, String> env = Map.of("WEBHOOK_KIND", "discord",
                    "WEBHOOK_URL", webhook.baseUrl() + "/api/webhooks/1/token");

            int exit = run(env, "invoke", "webhook-dispatcher", "--event",
                    EXAMPLES.resolve("link-events/legacy-dispatcher-test-event.json").toString());

            assertThat(exit).as(err.toString()).isZero();
            JsonNode delivered = JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("delivered").get(0);
            assertThat(delivered.get("kind").asText()).isEqualTo("discord");
            assertThat(delivered.get("host").asText()).isEqualTo("localhost");
            assertThat(delivered.get("body").isObject()).as("the body as JSON, as run shows it").isTrue();
            webhook.verify(1, postRequestedFor(urlPathEqualTo("/api/webhooks/1/token"))
                    .withQueryParam("wait", equalTo("true")));
        } finally {
            webhook.stop();
        }
    }

    @Test
    void invokesTheDispatcherOnAnSqsBatchAndPrintsWhichFilesEachMessageCovered() throws Exception {
        WireMockServer webhook = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        webhook.start();
        try {
            webhook.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200).withBody("ok")));

            // Teams takes 4 a second: one dispatcher alone paces the three messages 0.25 s apart.
            int exit = run(Map.of("WEBHOOK_KIND", "teams", "WEBHOOK_URL", webhook.baseUrl() + "/hook",
                    "DISPATCH_CONCURRENCY", "1"), "invoke", "webhook-dispatcher", "--event",
                    EXAMPLES.resolve("link-events/sqs-batch.json").toString());

            assertThat(exit).as(err.toString()).isZero();
            JsonNode result = JSON.readTree(out.toString(StandardCharsets.UTF_8));
            JsonNode messages = result.get("messages").get("teams");
            List<String> files = new java.util.ArrayList<>();
            messages.forEach(m -> m.get("files").forEach(f -> files.add(f.asText())));
            // No INDEX_BUCKET: the digest is split into messages that carry their links, every file once.
            assertThat(files).containsExactlyInAnyOrder("s3://example-uploads/reports/quarterly-report.pdf",
                    "s3://example-uploads/reports/board-minutes.pdf", "s3://example-uploads/reports/budget-2027.xlsx");
            assertThat(result.get("batchItemFailures")).isEmpty();
            assertThat(result.get("skipped")).isEmpty();
            webhook.verify(messages.size(), postRequestedFor(urlPathEqualTo("/hook")));
        } finally {
            webhook.stop();
        }
    }

    @Test
    void reportsTheMessagesOfAnSqsBatchTheWebhookRefusedAsBatchItemFailures() throws Exception {
        WireMockServer webhook = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        webhook.start();
        try {
            webhook.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(400).withBody("no_text")));

            int exit = run(Map.of("WEBHOOK_KIND", "slack", "WEBHOOK_URL", webhook.baseUrl() + "/hook"), "invoke",
                    "webhook-dispatcher", "--event", EXAMPLES.resolve("link-events/sqs-batch.json").toString());

            assertThat(exit).isEqualTo(1);
            JsonNode result = JSON.readTree(out.toString(StandardCharsets.UTF_8));
            assertThat(result.get("batchItemFailures")).hasSize(3);
            assertThat(result.get("messages").isEmpty()).isTrue();
        } finally {
            webhook.stop();
        }
    }

    @Test
    void failsWithExitOneWhenTheWebhookRefuses() {
        WireMockServer webhook = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        webhook.start();
        try {
            webhook.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(400).withBody("no_text")));

            int exit = run(Map.of("WEBHOOK_KIND", "slack", "WEBHOOK_URL", webhook.baseUrl() + "/hook"), "invoke",
                    "webhook-dispatcher", "--event",
                    EXAMPLES.resolve("link-events/file-link-generated.json").toString());

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("HTTP 400").contains("no_text");
        } finally {
            webhook.stop();
        }
    }

    @Test
    void printsHelp() {
        assertThat(run(Map.of(), "invoke", "--help")).isZero();
        assertThat(out.toString()).contains("s3notify invoke link-generator --event FILE [--dry-run]");
    }

    @Test
    void refusesTheDispatchersOptionsForTheLinkGenerator() {
        assertThat(run(Map.of(), "invoke", "link-generator", "--kind", "slack", "--event",
                EXAMPLES.resolve("legacy-test-event.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--kind and --template are for webhook-dispatcher");
    }

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
