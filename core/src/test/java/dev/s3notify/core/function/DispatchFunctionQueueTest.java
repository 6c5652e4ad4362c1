package dev.s3notify.core.function;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.core.TestFormatters;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.queue.Dynalite;
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

    @TempDir
    Path classPathEntry;
    private WireMockServer webhook;
    private String table;
    private String queueUrl;
    private String queueArn;

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
        queueUrl = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    @AfterEach
    void stop() {
        webhook.stop();
    }

    private DispatchPipeline pipeline() {
        Map<String, String> env = Map.of("WEBHOOK_KIND", "chat",
                "WEBHOOK_URL", webhook.baseUrl() + "/api/webhooks/42/token-0123456789abcdef",
                "AWS_REGION", "us-east-1", "IDEMPOTENCY_TABLE", table,
                "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString(),
                "AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
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
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(envelope.toString()));
        }
        List<Message> received = new ArrayList<>();
        for (int i = 0; i < 10 && received.size() < files.length; i++) {
            received.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(visibilitySeconds)).messages());
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (Message message : received) {
            records.addObject().put("messageId", message.messageId()).put("receiptHandle", message.receiptHandle())
                    .put("body", message.body()).put("eventSource", "aws:sqs").put("eventSourceARN", queueArn)
                    .put("awsRegion", "us-east-1");
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
}
