package dev.s3notify.core.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.core.queue.Dynalite;
import dev.s3notify.core.testing.LogCapture;
import dev.s3notify.core.testing.TestFormatters;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The dispatcher as configured from its environment, on the queue path, against real peers: delivery records in
 * dynalite, the queue in ElasticMQ, the webhook in WireMock, all on 127.0.0.1.
 */
class DispatchFunctionQueueTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
    private static Dynalite dynalite;
    private static SQSRestServer elasticMq;
    private static URI sqsEndpoint;
    private static SqsClient sqs;
    private static int tables;
    private static final String TOKEN = "token-0123456789abcdef";

    @TempDir
    Path classPathEntry;
    private WireMockServer webhook;
    private String table;
    private String queueUrl;
    private String queueArn;
    private String deadLetterUrl;

    @BeforeAll
    static void startPeers() {
        dynalite = Dynalite.start();
        elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        sqsEndpoint = URI.create("http://127.0.0.1:" + elasticMq.waitUntilStarted().localAddress().getPort());
        sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stopPeers() {
        sqs.close();
        elasticMq.stopAndWait();
        dynalite.close();
    }

    @BeforeEach
    void start() {
        webhook = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        webhook.start();
        webhook.stubFor(post(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(204)));
        table = "deliveries-" + (++tables);
        try (var dynamo = dynalite.client()) {
            dynalite.createTable(dynamo, table);
        }
        String name = "links-" + tables;
        deadLetterUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String deadLetterArn = arn(deadLetterUrl);
        queueUrl = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\"50\"}"))).queueUrl();
        queueArn = arn(queueUrl);
    }

    private static String arn(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    @AfterEach
    void stop() {
        webhook.stop();
    }

    private DispatchPipeline pipeline() {
        return pipeline(table);
    }

    private DispatchPipeline pipeline(String table) {
        return pipeline(Map.of("IDEMPOTENCY_TABLE", table));
    }

    private DispatchPipeline pipeline(Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("WEBHOOK_KIND", "chat",
                "WEBHOOK_URL", webhook.baseUrl() + "/api/webhooks/42/" + TOKEN,
                "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString(),
                "AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString()));
        env.putAll(more);
        return DispatchFunction.create(env, new DispatchFunction.Overrides(false, null, null, null,
                TestFormatters.loader(classPathEntry, TestFormatters.Chat.class), CREDENTIALS));
    }

    /** Sends link events for these files to the queue and receives them as Lambda's event source mapping would. */
    private byte[] batch(int visibilitySeconds, String... files) {
        for (String file : files) {
            LinkEvent event = LinkEvent.builder().fileName(file)
                    .fileUrl("https://uploads.s3.amazonaws.com/in/" + file + "?X-Amz-Signature=abc").bucket("uploads")
                    .expirationTime("24 hours").timestamp(Instant.now()).key("in/" + file).size(10L)
                    .eventType(EventType.CREATED).eventTime(Instant.now()).expiresAt(Instant.now().plusSeconds(86_400))
                    .region("us-east-1").sourceEventId("s3-" + file).build();
            ObjectNode envelope = JSON.createObjectNode().put("version", "0").put("id", "eb-" + file)
                    .put("detail-type", "file-link-generated").put("source", "s3-link-generator");
            envelope.set("detail", LinkEventJson.toJson(event));
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(envelope.toString()).messageAttributes(Map.of(
                    "origin", MessageAttributeValue.builder().dataType("String").stringValue("test").build())));
        }
        List<Message> received = new ArrayList<>();
        for (int i = 0; i < 10 && received.size() < files.length; i++) {
            received.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(visibilitySeconds).messageAttributeNames("All")).messages());
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (Message message : received) {
            ObjectNode record = records.addObject().put("messageId", message.messageId())
                    .put("receiptHandle", message.receiptHandle()).put("body", message.body())
                    .put("eventSource", "aws:sqs").put("eventSourceARN", queueArn).put("awsRegion", "us-east-1");
            ObjectNode attributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((key, value) -> attributes.putObject(key)
                    .put("stringValue", value.stringValue()).put("dataType", value.dataType()));
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void postsABatchOnceEvenWhenSqsDeliversItAgain() {
        DispatchPipeline pipeline = pipeline();
        byte[] input = batch(60, "a.pdf", "b.pdf", "c.pdf");

        DispatchPipeline.Outcome first = pipeline.handle(input, Instant.now().plusSeconds(30));
        DispatchPipeline.Outcome again = pipeline().handle(input, Instant.now().plusSeconds(30));

        assertThat(first.failedMessageIds()).isEmpty();
        assertThat(first.batch().posted()).singleElement().satisfies(p -> assertThat(p.files())
                .containsExactlyInAnyOrder("s3://uploads/in/a.pdf", "s3://uploads/in/b.pdf", "s3://uploads/in/c.pdf"));
        assertThat(again.batch().posted()).isEmpty();
        assertThat(again.batch().skipped()).hasSize(3);
        assertThat(again.failedMessageIds()).isEmpty();
        // One digest, listing the three files: they fit without an index page.
        webhook.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void deliversToEveryMatchingRouteOnceSendsARefusingRoutesFilesToItsFallbackAndNeverPostsTwice() {
        String pdfs = "/api/webhooks/1/" + TOKEN;
        String ops = "/api/webhooks/3/" + TOKEN;
        webhook.stubFor(post(urlPathEqualTo(pdfs)).atPriority(1).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\": \"Unknown Webhook\", \"code\": 10015}")));
        String routes = "[{\"name\":\"pdfs\",\"kind\":\"chat\",\"url\":\"" + webhook.baseUrl() + pdfs + "\","
                + "\"filters\":{\"suffix\":\".pdf\"},\"fallback\":\"ops\"},"
                + "{\"name\":\"everything\",\"kind\":\"generic\",\"url\":\"" + webhook.baseUrl() + "/hooks/all\"},"
                + "{\"name\":\"ops\",\"url\":\"" + webhook.baseUrl() + ops + "\",\"filters\":{\"bucket\":\"none\"}}]";
        Map<String, String> env = new java.util.HashMap<>(Map.of("ROUTES", routes, "IDEMPOTENCY_TABLE", table, "DIGEST_WINDOW_SECONDS", "0",
                "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString(),
                "AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString()));
        ClassLoader loader = TestFormatters.loader(classPathEntry, TestFormatters.Chat.class,
                TestFormatters.Generic.class);
        java.util.function.Supplier<DispatchPipeline> routed = () -> DispatchFunction.create(env,
                new DispatchFunction.Overrides(false, null, null, null, loader, CREDENTIALS));
        // One file for the refusing route: dynalite has no TransactWriteItems, which releases two claims or more.
        byte[] input = batch(60, "a.pdf", "b.jpg");

        DispatchPipeline.Outcome first = routed.get().handle(input, Instant.now().plusSeconds(30));
        DispatchPipeline.Outcome again = routed.get().handle(input, Instant.now().plusSeconds(30));

        assertThat(first.failedMessageIds()).isEmpty();
        assertThat(first.batch().deadLettered()).isEmpty();
        // The refused route's fallback runs as soon as the route is done: before the routes after it.
        assertThat(first.batch().posted()).extracting(dev.s3notify.core.queue.BatchOutcome.Posted::destination)
                .containsExactly("ops", "everything");
        assertThat(first.batch().posted().get(0).files()).containsExactly("s3://uploads/in/a.pdf");
        assertThat(first.batch().posted().get(1).files()).containsExactlyInAnyOrder("s3://uploads/in/a.pdf",
                "s3://uploads/in/b.jpg");
        webhook.verify(1, postRequestedFor(urlPathEqualTo("/hooks/all")));
        webhook.verify(1, postRequestedFor(urlPathEqualTo(ops)).withRequestBody(containing("Meant for route 'pdfs'"
                + " (chat, localhost), but its webhook refused it for good")));
        // The redelivery finds every delivery recorded: the refusing webhook is asked again, nobody gets a post twice.
        assertThat(again.failedMessageIds()).isEmpty();
        assertThat(again.batch().posted()).isEmpty();
        webhook.verify(1, postRequestedFor(urlPathEqualTo("/hooks/all")));
        webhook.verify(1, postRequestedFor(urlPathEqualTo(ops)));
        webhook.verify(2, postRequestedFor(urlPathEqualTo(pdfs)));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(deadLetterUrl).maxNumberOfMessages(10)).messages()).isEmpty();
    }

    @Test
    void hidesARateLimitedMessageInItsQueueForTheWaitTheWebhookAskedFor() throws InterruptedException {
        webhook.stubFor(post(anyUrl()).atPriority(1).withRequestBody(containing("slow.pdf"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        byte[] input = batch(1, "slow.pdf");

        DispatchPipeline.Outcome outcome = pipeline().handle(input, Instant.now().plusSeconds(30));
        Thread.sleep(2_500);

        assertThat(outcome.failedMessageIds()).hasSize(1);
        assertThat(outcome.batch().deferredFor()).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(30));
        // Received with a 1 s visibility timeout: without the deferral it would be back by now.
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()).isEmpty();
        webhook.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void deadLettersAMessageTheWebhookAnswers404InOneReceiveWithTheReason() {
        webhook.stubFor(post(anyUrl()).atPriority(1).withRequestBody(containing("gone.pdf"))
                .willReturn(aResponse().withStatus(404).withBody("Unknown Webhook at /api/webhooks/42/" + TOKEN)));
        byte[] input = batch(60, "gone.pdf");
        String body = sqsBody(input);

        DispatchPipeline.Outcome outcome = pipeline().handle(input, Instant.now().plusSeconds(30));

        assertThat(outcome.failedMessageIds()).isEmpty();
        assertThat(outcome.batch().deadLettered()).hasSize(1);
        List<Message> parked = sqs.receiveMessage(b -> b.queueUrl(deadLetterUrl).maxNumberOfMessages(10)
                .messageAttributeNames("All")).messages();
        assertThat(parked).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo(body);
            assertThat(m.messageAttributes().get("s3notify-failure-reason").stringValue()).isEqualTo("GONE");
            assertThat(m.messageAttributes().get("s3notify-failure-detail").stringValue())
                    .startsWith("HTTP 404").doesNotContain(TOKEN);
            assertThat(m.messageAttributes().get("origin").stringValue()).isEqualTo("test");
        });
        webhook.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void retriesAMessageTheWebhookAnswers503AsBefore() {
        webhook.stubFor(post(anyUrl()).atPriority(1).withRequestBody(containing("busy.pdf"))
                .willReturn(aResponse().withStatus(503)));
        byte[] input = batch(60, "busy.pdf");

        DispatchPipeline.Outcome outcome = pipeline().handle(input, Instant.now().plusSeconds(30));

        assertThat(outcome.failedMessageIds()).hasSize(1);
        assertThat(outcome.batch().deadLettered()).isEmpty();
        assertThat(sqs.receiveMessage(b -> b.queueUrl(deadLetterUrl).maxNumberOfMessages(10)).messages()).isEmpty();
    }

    @Test
    void retriesEveryMessageAndSaysOnceWhyWhenTheDeliveryRecordsTableIsMissing() {
        byte[] input = batch(60, "a.pdf", "b.pdf", "c.pdf");
        DispatchPipeline pipeline = pipeline("no-such-table");

        DispatchPipeline.Outcome outcome;
        List<String> errors;
        try (LogCapture logs = new LogCapture()) {
            outcome = pipeline.handle(input, Instant.now().plusSeconds(30));
            errors = logs.lines().stream().filter(line -> line.contains("ERROR")).toList();
        }

        assertThat(outcome.failedMessageIds()).hasSize(3);
        assertThat(errors).singleElement().asString().contains("no-such-table")
                .contains("ResourceNotFoundException").doesNotContain(TOKEN);
        webhook.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void sendsTheFirstUploadAtOnceAndHoldsTheNextInItsQueueUntilTheDigestWindowCloses() throws InterruptedException {
        DispatchPipeline pipeline;
        List<String> startup;
        try (LogCapture logs = new LogCapture()) {
            pipeline = pipeline();
            startup = logs.lines();
        }
        DispatchPipeline.Outcome first = pipeline.handle(batch(60, "first.pdf"), Instant.now().plusSeconds(30));
        DispatchPipeline.Outcome next = pipeline().handle(batch(1, "next.pdf"), Instant.now().plusSeconds(30));
        Thread.sleep(2_500);

        assertThat(startup).anySatisfy(line -> assertThat(line)
                .contains("digest window (SQS batches): kept in the delivery-records table").contains("20"));
        assertThat(first.batch().posted()).singleElement().satisfies(p -> assertThat(p.digest()).isFalse());
        assertThat(next.batch().posted()).isEmpty();
        assertThat(next.failedMessageIds()).hasSize(1);
        // Received with a 1 s visibility timeout: without the window it would be back by now.
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()).isEmpty();
        webhook.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void keepsTheWindowInMemoryWithoutATableAndSaysSoAtStartUp() {
        DispatchPipeline pipeline;
        List<String> startup;
        try (LogCapture logs = new LogCapture()) {
            pipeline = pipeline(Map.of());
            startup = logs.lines();
        }

        DispatchPipeline.Outcome first = pipeline.handle(batch(60, "first.pdf"), Instant.now().plusSeconds(30));
        DispatchPipeline.Outcome next = pipeline.handle(batch(60, "next.pdf"), Instant.now().plusSeconds(30));

        assertThat(startup).anySatisfy(line -> assertThat(line)
                .contains("digest window (SQS batches): kept in this execution environment's memory (no IDEMPOTENCY_TABLE)"));
        assertThat(first.batch().posted()).hasSize(1);
        assertThat(next.failedMessageIds()).hasSize(1);
        webhook.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void keepsNoWindowWhenTheWindowIsZero() {
        DispatchPipeline pipeline = pipeline(Map.of("IDEMPOTENCY_TABLE", table, "DIGEST_WINDOW_SECONDS", "0"));

        pipeline.handle(batch(60, "first.pdf"), Instant.now().plusSeconds(30));
        DispatchPipeline.Outcome next = pipeline.handle(batch(60, "next.pdf"), Instant.now().plusSeconds(30));

        assertThat(next.batch().posted()).hasSize(1);
        webhook.verify(2, postRequestedFor(anyUrl()));
    }

    private static String sqsBody(byte[] input) {
        try {
            return JSON.readTree(input).get("Records").get(0).get("body").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
