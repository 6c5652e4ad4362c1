package dev.s3notify.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's promises under input that confused users (issue 17, "Smaller, each a user's confusion"), one
 * case per point: exit codes, the words that say what to do, and with {@code --log-format json} nothing but JSON.
 */
class HostileCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    private static final String HOOK = "/api/webhooks/4242/hostile-token";

    private final TestConsole console = new TestConsole();
    private WireMockServer server;

    @TempDir
    Path temp;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** Point 1. */
    @Test
    void pointsACloudTrailEventToTheBucketsEventBridgeNotifications() throws IOException {
        ObjectNode event = JSON.createObjectNode().put("version", "0").put("id", "ct-7")
                .put("detail-type", "AWS API Call via CloudTrail").put("source", "aws.s3");
        event.putObject("detail").put("eventSource", "s3.amazonaws.com").put("eventName", "PutObject")
                .putObject("requestParameters").put("bucketName", "example-uploads").put("key", "a.pdf");

        int exit = console.run(Map.of(), "invoke", "link-generator", "--event", file(event), "--dry-run");

        assertThat(exit).isEqualTo(Main.FAILED);
        assertThat(console.err()).contains("CloudTrail's record of an S3 API call")
                .contains("Turn on Amazon EventBridge notifications on the bucket")
                .contains("put-bucket-notification-configuration --bucket example-uploads")
                .contains("EventBridgeConfiguration").doesNotContain("Narrow");
        assertThat(console.json().get("wouldPublish")).isNull();
    }

    /** Point 2: the dispatcher reads any detail, so a link event published with source aws.s3 is one. */
    @Test
    void deliversALinkEventWhoseSourceIsAwsS3AsTheHandlerDoes() throws IOException {
        server.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(204)));
        ObjectNode event = linkEvent("reports/q3.pdf");
        event.put("source", "aws.s3");

        int exit = console.run(webhook(), "invoke", "webhook-dispatcher", "--event", file(event));

        assertThat(exit).as(console.err()).isEqualTo(Main.OK);
        assertThat(console.json().get("delivered")).hasSize(1);
        assertThat(console.json().get("batchItemFailures")).isEmpty();
        server.verify(1, postRequestedFor(urlPathEqualTo(HOOK)));
        assertThat(console.run(Map.of(), "preview", "--event", file(event))).as(console.err()).isEqualTo(Main.OK);
        assertThat(console.out()).contains("q3.pdf");
    }

    /** Point 3: one S3 event in an SQS batch of link events is that message's failure, as on Lambda. */
    @Test
    void reportsTheOneS3MessageOfAnSqsBatchAndDeliversTheOthers() throws IOException {
        server.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(204)));
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode records = batch.putArray("Records");
        records.add(sqsMessage("m-1", linkEvent("reports/a.pdf")));
        records.add(sqsMessage("m-s3", (ObjectNode) JSON.readTree(
                ROOT.resolve("docs/examples/eventbridge-object-created.json").toFile())));
        records.add(sqsMessage("m-3", linkEvent("reports/c.pdf")));

        int exit = console.run(webhook(), "invoke", "webhook-dispatcher", "--event", file(batch));

        assertThat(exit).as("something failed").isEqualTo(Main.FAILED);
        JsonNode result = console.json();
        assertThat(result.get("batchItemFailures").findValuesAsText("itemIdentifier")).containsExactly("m-s3");
        List<String> files = new ArrayList<>();
        result.get("messages").forEach(list -> list.forEach(m -> m.get("files").forEach(f -> files.add(f.asText()))));
        assertThat(files).containsExactlyInAnyOrder("s3://example-uploads/reports/a.pdf",
                "s3://example-uploads/reports/c.pdf");
        assertThat(console.err()).contains("m-s3");
    }

    /** Point 4: form encoding writes a space as +, so a key with a literal space was never encoded. */
    @Test
    void keepsARawEventBridgeKeyWithALiteralSpaceAsItIsInADryRun() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(ROOT.resolve("docs/examples/eventbridge-object-created.json")
                .toFile());
        ((ObjectNode) event.get("detail").get("object")).put("key", "reports/Q3 report+final.pdf");

        int exit = console.run(Map.of(), "invoke", "link-generator", "--event", file(event), "--dry-run");

        assertThat(exit).as(console.err()).isEqualTo(Main.OK);
        JsonNode detail = console.json().get("wouldPublish").get(0).get("Detail");
        assertThat(detail.get("key").asText()).isEqualTo("reports/Q3 report+final.pdf");
        assertThat(detail.get("fileName").asText()).isEqualTo("Q3 report+final.pdf");
    }

    /** Point 5: a 429 asking for a day is throttling, with the wait it asked, not "no answer in time". */
    @Test
    void reportsEventBridgeThrottlingWithTheWaitItAskedForNotATimeout() throws IOException {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "86400")
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")));
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "AKIAHOSTILE000000001",
                "AWS_SECRET_ACCESS_KEY", "hostileSecretAccessKey00000000000000000", "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_EVENTBRIDGE", server.baseUrl(), "EVENT_BUS_NAME", "uploads-bus",
                "HEAD_OBJECT", "never"));
        long start = System.nanoTime();

        int exit = console.run(env, "invoke", "link-generator", "--event",
                ROOT.resolve("docs/examples/eventbridge-object-created.json").toString());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(exit).isEqualTo(Main.FAILED);
        assertThat(console.err()).contains("throttled: the last answer was HTTP 429, asking to wait 86400 s")
                .doesNotContain("no answer in time").doesNotContain("hostileSecretAccessKey");
    }

    /** Point 6: with --log-format json every line on either stream is a JSON object. */
    @Test
    void printsNothingButJsonLinesWithLogFormatJson() throws IOException {
        server.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(400).withBody("no_text")));
        String event = ROOT.resolve("docs/examples/eventbridge-object-created.json").toString();
        List<List<String>> lines = List.of(
                List.of("--log-format", "json", "run", "--event", event),
                List.of("--log-format", "json", "run", "--event", event, "--allow-broken-links", "--kind", "slack"),
                List.of("--log-format=json", "preview", "--event", event),
                List.of("--log-format", "json", "invoke", "link-generator", "--event", event),
                List.of("--log-format", "json", "run", "--evnt", event),
                List.of("--log-format", "json", "nonsense"),
                List.of("--log-format", "json"),
                List.of("--log-format", "json", "--help"),
                List.of("--log-format", "json", "kinds"),
                List.of("--log-format", "json", "completion", "bash"));
        for (List<String> line : lines) {
            Map<String, String> env = line.contains("--allow-broken-links") ? webhook() : Map.of();
            console.run(line.contains("invoke") ? Map.of("EVENT_BUS_NAME", "b", "AWS_ENDPOINT_URL_EVENTBRIDGE",
                    "http://127.0.0.1:9") : env, line.toArray(String[]::new));
            assertJsonLines(line, console.out());
            assertJsonLines(line, console.err());
        }
        console.run(Map.of("URL_EXPIRATION_SECONDS", "8d"), "--log-format", "json", "run", "--event", event);
        assertThat(console.err()).contains("\"level\":\"ERROR\"").contains("URL_EXPIRATION_SECONDS");
        assertJsonLines(List.of("configuration error"), console.err());
    }

    /** Point 7. */
    @Test
    void sendTestPrintsTheHttpStatusAndWaitsForAShort429() {
        server.stubFor(post(urlPathEqualTo(HOOK)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")).willSetStateTo("waited"));
        server.stubFor(post(urlPathEqualTo(HOOK)).inScenario("429").whenScenarioStateIs("waited")
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"1\"}")));
        long start = System.nanoTime();

        int exit = console.run(webhook(), "send-test");

        assertThat(exit).as(console.err()).isEqualTo(Main.OK);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(4900));
        assertThat(console.json().get("status").asInt()).isEqualTo(200);
        assertThat(console.err()).containsPattern("rate limited: waiting [56] s as it asked").contains("up to 60 s");
        server.verify(2, postRequestedFor(urlPathEqualTo(HOOK)));

        server.resetAll();
        server.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(429).withHeader("Retry-After",
                "3600")));
        start = System.nanoTime();
        assertThat(console.run(webhook(), "send-test")).isEqualTo(Main.FAILED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(console.err()).contains("rate limited").contains("60 s at most");
        assertThat(console.json().get("delivered").asBoolean()).isFalse();
        assertThat(console.json().get("rateLimited").asBoolean()).isTrue();
        assertThat(console.json().get("error").asText()).contains("429");
    }

    /** Point 8: the launcher keys its archive by the command, never by an option's value. */
    @Test
    void launcherKeysItsArchiveByTheCommandNotByTheLogFormatsValue() throws Exception {
        Path jdk = Files.createDirectories(temp.resolve("jdk/bin"));
        Files.writeString(jdk.getParent().resolve("release"), "JAVA_VERSION=\"17.0.9\"\nIMPLEMENTOR=\"Test\"\n");
        Path java = jdk.resolve("java");
        Path args = temp.resolve("args");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + "'\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Path jar = Files.writeString(temp.resolve("fake.jar"), "not a jar");

        ProcessBuilder launcher = new ProcessBuilder("bash", ROOT.resolve("s3notify").toString(), "--log-format",
                "json", "invoke", "--event", "e.json", "link-generator").redirectErrorStream(true);
        launcher.environment().putAll(Map.of("JAVA_HOME", jdk.getParent().toString(), "S3NOTIFY_JAR",
                jar.toString(), "S3NOTIFY_CACHE_DIR", temp.resolve("cache").toString()));
        Process process = launcher.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8)).isZero();
        String archive = Files.readAllLines(args).stream().filter(a -> a.startsWith("-XX:ArchiveClassesAtExit="))
                .findFirst().orElseThrow();
        assertThat(archive).contains("-invoke-link-generator.").doesNotContain("json");
        Matcher valued = Pattern.compile("\\n\\s+(--[a-z-]+(?:\\|--[a-z-]+)*)\\) value=1").matcher(
                Files.readString(ROOT.resolve("s3notify")));
        assertThat(valued.find()).as("the launcher's list of options with a value").isTrue();
        assertThat(new TreeSet<>(Set.of(valued.group(1).split("\\|")))).isEqualTo(new TreeSet<>(Options.WITH_VALUE));
    }

    /** Point 9: the README's launcher figure is one the benchmarks measured, and says where. */
    @Test
    void readmeCitesTheLaunchersMeasuredSaving() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(readme).doesNotContain("55 to 65 %");
        Matcher cited = Pattern.compile("run (\\d{8}T\\d{6}Z) of \\[the recorded runs]").matcher(readme);
        assertThat(cited.find()).as("the README names the run it quotes").isTrue();
        assertThat(Files.readString(ROOT.resolve("docs/benchmark-runs.md"))).contains("## Run " + cited.group(1));
    }

    /** Point 10: an install line that works on a machine without the folder yet. */
    @Test
    void completionInstallLinesMakeTheirFolderFirst() throws IOException {
        assertThat(console.run(Map.of(), "completion", "--help")).isEqualTo(Main.OK);
        String help = console.out();
        String readme = Files.readString(ROOT.resolve("README.md"));

        for (String text : List.of(help, readme)) {
            Matcher install = Pattern.compile("completion (?:bash|zsh) > (~/[^\\s]+)/[^/\\s]+").matcher(text);
            int found = 0;
            while (install.find()) {
                found++;
                assertThat(text.substring(0, install.start())).contains("mkdir -p " + install.group(1));
            }
            assertThat(found).isPositive();
        }
    }

    private static void assertJsonLines(List<String> line, String printed) {
        for (String text : printed.split("\n")) {
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError(String.join(" ", line) + " printed a line that is not JSON: " + text, e);
            }
            assertThat(node.isObject()).as(String.join(" ", line) + ": " + text).isTrue();
        }
    }

    private Map<String, String> webhook() {
        return Map.of("WEBHOOK_KIND", "discord", "WEBHOOK_URL", server.baseUrl() + HOOK);
    }

    private static ObjectNode linkEvent(String key) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(ROOT.resolve("docs/examples/link-events/file-link-generated.json")
                .toFile());
        event.put("id", "ev-" + key.hashCode());
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.put("key", key).put("fileName", key.substring(key.lastIndexOf('/') + 1))
                .put("sourceEventId", "src-" + key.hashCode());
        return event;
    }

    private static ObjectNode sqsMessage(String id, ObjectNode body) {
        return JSON.createObjectNode().put("messageId", id).put("receiptHandle", "rh-" + id)
                .put("body", body.toString()).put("eventSource", "aws:sqs").put("awsRegion", "us-east-1")
                .put("eventSourceARN", "arn:aws:sqs:us-east-1:111122223333:links");
    }

    private String file(JsonNode event) throws IOException {
        return Files.writeString(Files.createTempFile(temp, "event", ".json"), event.toString()).toString();
    }
}
