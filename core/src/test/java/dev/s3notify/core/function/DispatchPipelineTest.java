package dev.s3notify.core.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.pacing.RateLimitedException;
import dev.s3notify.core.testing.Fixtures;
import dev.s3notify.core.testing.LogCapture;
import dev.s3notify.core.testing.TestFormatters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatchPipelineTest {
    private static final String PATH = "/api/webhooks/42/pipeline-token-0123456789abcdef";
    private static final String GENERATED = "eventbridge-file-link-generated.json";
    private static final String BATCH = "sqs-file-link-generated-batch.json";
    private static final String BUCKET = "amzn-s3-demo-bucket";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path classPathEntry;
    private WireMockServer server;
    private ClassLoader formatters;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(204)));
        formatters = TestFormatters.loader(classPathEntry, TestFormatters.Chat.class, TestFormatters.Fussy.class,
                TestFormatters.Generic.class, TestFormatters.Scarce.class);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void deliversAFileLinkGeneratedEventAsTheFormatterBuildsIt() {
        String link = Fixtures.event(GENERATED).at("/detail/fileUrl").asText();

        DispatchPipeline.Outcome outcome = pipeline("chat").handle(Fixtures.bytes(GENERATED), soon());

        assertThat(outcome).isEqualTo(new DispatchPipeline.Outcome(1, List.of()));
        server.verify(1, postRequestedFor(urlEqualTo(PATH + "?wait=true"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("X-Event-Id", equalTo("6a7e8feb-b491-4cf7-a9f1-bf3703467718"))
                .withRequestBody(equalToJson(chatBody("New file Q1\\_summary.pdf in " + BUCKET + ": " + link
                        + " (link valid for 24 hours)", "6a7e8feb-b491-4cf7-a9f1-bf3703467718"))));
    }

    @Test
    void deliversTheOldSystemsMinimalDetail() {
        JsonNode event = Fixtures.event("eventbridge-file-link-old-system.json");

        pipeline("chat").handle(Fixtures.bytes("eventbridge-file-link-old-system.json"), soon());

        server.verify(1, postRequestedFor(anyUrl()).withRequestBody(equalToJson(chatBody(
                "New file test-file.pdf in your-bucket-name: " + event.at("/detail/fileUrl").asText()
                        + " (link valid for 24 hours)", "b3f5a0c2-1d4e-4f6a-8b7c-9d0e1f2a3b4c"))));
    }

    @Test
    void sendsTheWholeDetailThroughAFormatterThatWantsIt() {
        pipeline("generic").handle(Fixtures.bytes(GENERATED), soon());

        server.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
                JSON.createObjectNode().put("text", "Q1_summary.pdf").put("eventId",
                        "6a7e8feb-b491-4cf7-a9f1-bf3703467718").set("detail", Fixtures.event(GENERATED).get("detail"))
                        .toString())));
    }

    @Test
    void acceptsABareDetail() {
        DispatchPipeline.Outcome outcome = pipeline("chat").handle(Fixtures.bytes("file-link-detail-bare.json"),
                soon());

        assertThat(outcome.delivered()).isEqualTo(1);
        server.verify(1, postRequestedFor(anyUrl()).withHeader("X-Event-Id", equalTo(
                eventIdOf(Fixtures.bytes("file-link-detail-bare.json")))));
    }

    @Test
    void rendersTheRemovedBranchForADeletedObject() {
        pipeline("chat").handle(Fixtures.bytes("eventbridge-file-link-deleted.json"), soon());

        server.verify(1, postRequestedFor(anyUrl()).withRequestBody(equalToJson(chatBody(
                "Q1\\_summary.pdf was removed from " + BUCKET, "0d3c5e1a-7b7e-4d51-9f3a-2f5b1c9e8a40"))));
    }

    @Test
    void reportsOnlyTheRejectedMessageOfAnSqsBatch() {
        // A FIFO queue's batch keeps one message per event (a standard queue's is one digest: see below); the
        // refused one is the last, as FIFO order reports every message after a failed one too.
        server.stubFor(post(anyUrl()).atPriority(1).withRequestBody(containing("three.pdf")).willReturn(aResponse()
                .withStatus(400).withBody("{\"code\":50006,\"message\":\"Cannot send an empty message\"}")));

        String log;
        DispatchPipeline.Outcome outcome;
        try (LogCapture captured = new LogCapture()) {
            outcome = pipeline("chat").handle(fifo(Fixtures.bytes(BATCH)), soon());
            log = String.join("\n", captured.lines());
        }

        assertThat(counts(outcome)).isEqualTo(new DispatchPipeline.Outcome(2, List.of("msg-3")));
        server.verify(3, postRequestedFor(anyUrl()));
        server.verify(1, postRequestedFor(anyUrl()).withRequestBody(containing("one.pdf")));
        server.verify(1, postRequestedFor(anyUrl()).withRequestBody(containing("two.pdf")));
        assertThat(log).contains("\"messageId\":\"msg-3\"").contains("Discord error 50006")
                .doesNotContain("pipeline-token");
    }

    @Test
    void reportsEveryFileOfADigestTheWebhookRefusedForRetry() {
        server.stubFor(post(anyUrl()).atPriority(1).withRequestBody(containing("two.pdf")).willReturn(aResponse()
                .withStatus(400).withBody("{\"code\":50006,\"message\":\"Cannot send an empty message\"}")));

        String log;
        DispatchPipeline.Outcome outcome;
        try (LogCapture captured = new LogCapture()) {
            outcome = pipeline("chat").handle(Fixtures.bytes(BATCH), soon());
            log = String.join("\n", captured.lines());
        }

        assertThat(counts(outcome)).isEqualTo(new DispatchPipeline.Outcome(0, List.of("msg-1", "msg-2", "msg-3")));
        server.verify(1, postRequestedFor(anyUrl()));
        assertThat(log).contains("\"messageId\":\"msg-1,msg-2,msg-3\"").contains("Discord error 50006")
                .doesNotContain("pipeline-token");
    }

    @Test
    void sendsAStandardQueuesBatchAsOneDigestCoveringEveryFile() {
        DispatchPipeline.Outcome outcome = pipeline("chat").handle(Fixtures.bytes(BATCH), soon());

        assertThat(counts(outcome)).isEqualTo(new DispatchPipeline.Outcome(1, List.of()));
        assertThat(outcome.batch().posted()).singleElement().satisfies(p -> assertThat(p.files()).hasSize(3));
        server.verify(1, postRequestedFor(anyUrl()).withRequestBody(containing("3 files"))
                .withRequestBody(containing("one.pdf")).withRequestBody(containing("two.pdf"))
                .withRequestBody(containing("three.pdf")));
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void failsTheInvocationForAnInvalidDetail() {
        byte[] input = edited(GENERATED, root -> ((ObjectNode) root.get("detail")).remove("bucket"));

        assertThatThrownBy(() -> pipeline("chat").handle(input, soon()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("EventBridge event 6a7e8feb-b491-4cf7-a9f1-bf3703467718 (detail-type"
                        + " 'file-link-generated'): file-link-generated detail is missing the field 'bucket'");
        server.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void failsTheInvocationWhenTheWebhookRefuses() {
        server.stubFor(post(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\": \"Unknown Webhook\", \"code\": 10015}")));

        assertThatThrownBy(() -> pipeline("chat").handle(Fixtures.bytes(GENERATED), soon()))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("Discord error 10015: Unknown Webhook")
                .hasMessageContaining("6a7e8feb-b491-4cf7-a9f1-bf3703467718");
    }

    @Test
    void failsTheInvocationAtOnceWhenTheWebhookAsksForALongWait() {
        server.stubFor(post(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "2").withBody("{\"retry_after\": 2.5, \"global\": false}")));
        // A URL of its own: the process's rate budgets outlive the test.
        DispatchPipeline pipeline = DispatchFunction.create(Map.of("WEBHOOK_URL", "http://127.0.0.1:" + server.port()
                + PATH + "?run=" + java.util.UUID.randomUUID(), "WEBHOOK_KIND", "chat"),
                new DispatchFunction.Overrides(false, null, null, null, formatters, null));

        long started = System.nanoTime();
        RateLimitedException e = catchThrowableOfType(() -> pipeline.handle(Fixtures.bytes(GENERATED), soon()),
                RateLimitedException.class);

        assertThat(e).hasMessageContaining("after 1 attempt: HTTP 429")
                .hasMessageContaining("rate limited: the webhook can take the next request in 2")
                .hasMessageContaining("ms, longer than the 1000 ms waited inside an invocation; not waited for");
        assertThat(e.retryAfter()).isBetween(Duration.ofMillis(2000), Duration.ofMillis(3750));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void pacesTheDirectPathToTheFormattersDocumentedRate() {
        // A URL of its own: the process's rate budgets outlive the test. Scarce documents one request a minute.
        DispatchPipeline pipeline = DispatchFunction.create(Map.of("WEBHOOK_URL", "http://127.0.0.1:" + server.port()
                + PATH + "?run=" + java.util.UUID.randomUUID(), "WEBHOOK_KIND", "scarce"),
                new DispatchFunction.Overrides(false, null, null, null, formatters, null));

        assertThat(pipeline.handle(Fixtures.bytes(GENERATED), soon()).delivered()).isEqualTo(1);
        long started = System.nanoTime();
        RateLimitedException e = catchThrowableOfType(() -> pipeline.handle(Fixtures.bytes(GENERATED), soon()),
                RateLimitedException.class);

        assertThat(e).as("the second message waits for the documented rate, not sent at once")
                .hasMessageContaining("longer than the 1000 ms waited inside an invocation");
        assertThat(e.retryAfter()).isGreaterThan(Duration.ofSeconds(50)).isLessThanOrEqualTo(Duration.ofMinutes(2));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void reportsAnInvalidMessageOfABatchAlone() {
        byte[] input = editedBatch(1, detail -> detail.remove("bucket"));

        DispatchPipeline.Outcome outcome = pipeline("chat").handle(input, soon());

        // The other two files go as one digest.
        assertThat(counts(outcome)).isEqualTo(new DispatchPipeline.Outcome(1, List.of("msg-2")));
        assertThat(outcome.batch().posted()).singleElement().satisfies(p -> assertThat(p.files()).hasSize(2));
    }

    @Test
    void reportsAMessageTheFormatterFailsOnAloneEvenForAnUnexpectedException() {
        byte[] input = editedBatch(2, detail -> detail.put("fileName", "poison.pdf"));

        DispatchPipeline.Outcome outcome = pipeline("fussy").handle(input, soon());

        // The other two files go as one digest.
        assertThat(counts(outcome)).isEqualTo(new DispatchPipeline.Outcome(1, List.of("msg-3")));
        assertThat(outcome.batch().posted()).singleElement().satisfies(p -> assertThat(p.files()).hasSize(2));
        server.verify(1, postRequestedFor(anyUrl()).withRequestBody(containing("one.pdf"))
                .withRequestBody(containing("two.pdf")));
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void reportsEveryMessageOfABatchOnceTheDeadlineHasPassed() {
        DispatchPipeline.Outcome outcome = pipeline("chat").handle(Fixtures.bytes(BATCH),
                Instant.now().minusSeconds(1));

        assertThat(counts(outcome)).isEqualTo(new DispatchPipeline.Outcome(0, List.of("msg-1", "msg-2", "msg-3")));
        server.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void identifiesTheEventByItsEventBridgeId() {
        assertThat(eventIdOf(Fixtures.bytes(GENERATED))).isEqualTo("6a7e8feb-b491-4cf7-a9f1-bf3703467718");
        assertThat(eventIdOf(fifo(Fixtures.bytes(BATCH)))).isEqualTo("eb-event-1");
    }

    @Test
    void identifiesABareDetailInSqsByTheMessageId() throws IOException {
        ObjectNode batch = (ObjectNode) Fixtures.event(BATCH);
        ObjectNode record = (ObjectNode) batch.get("Records").get(0);
        record.put("body", Fixtures.event("file-link-detail-bare.json").toString());
        batch.putArray("Records").add(record);

        assertThat(eventIdOf(JSON.writeValueAsBytes(batch))).isEqualTo("msg-1");
    }

    @Test
    void identifiesABareDetailByAStableHash() {
        byte[] detail = Fixtures.bytes("file-link-detail-bare.json");
        byte[] compact = Fixtures.event("file-link-detail-bare.json").toString().getBytes(StandardCharsets.UTF_8);
        byte[] other = edited("file-link-detail-bare.json", d -> ((ObjectNode) d).put("fileName", "other.pdf"));

        String id = eventIdOf(detail);

        assertThat(id).matches("sha256:[0-9a-f]{32}");
        assertThat(eventIdOf(detail)).isEqualTo(id);
        assertThat(eventIdOf(compact)).as("the same detail, laid out otherwise").isEqualTo(id);
        assertThat(eventIdOf(other)).isNotEqualTo(id);
    }

    private DispatchPipeline pipeline(String kind) {
        return DispatchFunction.create(Map.of("WEBHOOK_URL", "http://127.0.0.1:" + server.port() + PATH,
                "WEBHOOK_KIND", kind), new DispatchFunction.Overrides(false, null, null, null, formatters, null));
    }

    /** The event id the formatter was given, through a preview that sends nothing. */
    private String eventIdOf(byte[] input) {
        List<WebhookRequest> formatted = new ArrayList<>();
        DispatchFunction.create(Map.of(), new DispatchFunction.Overrides(true, (d, request) -> formatted.add(request),
                "chat", null, formatters, null)).handle(input, soon());
        return formatted.get(0).headers().get("X-Event-Id");
    }

    private static String chatBody(String content, String eventId) {
        return JSON.createObjectNode().put("content", content).put("username", "s3-notify").put("eventId", eventId)
                .toString();
    }

    private static byte[] edited(String fixture, Consumer<JsonNode> edit) {
        JsonNode root = Fixtures.event(fixture);
        edit.accept(root);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The batch fixture with the detail of one message changed. */
    private static byte[] editedBatch(int index, Consumer<ObjectNode> edit) {
        return edited(BATCH, batch -> {
            ObjectNode record = (ObjectNode) batch.get("Records").get(index);
            JsonNode body = Fixtures.json(record.get("body").asText());
            edit.accept((ObjectNode) body.get("detail"));
            record.put("body", body.toString());
        });
    }

    /**
     * @param batch an SQS batch
     * @return the same batch from a FIFO queue, which keeps one message per event and reports each failed one
     *     alone (a standard queue's batch goes to the queue path: BatchDispatcherTest)
     */
    private static byte[] fifo(byte[] batch) {
        JsonNode root = Fixtures.json(new String(batch, StandardCharsets.UTF_8));
        for (JsonNode record : root.get("Records")) {
            ((ObjectNode) record).put("eventSourceARN", record.get("eventSourceARN").asText() + ".fifo");
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Instant soon() {
        return Instant.now().plusSeconds(30);
    }

    /** The counts, without the queue path's details (BatchDispatcherTest covers those). */
    private static DispatchPipeline.Outcome counts(DispatchPipeline.Outcome outcome) {
        return new DispatchPipeline.Outcome(outcome.delivered(), outcome.failedMessageIds());
    }
}
