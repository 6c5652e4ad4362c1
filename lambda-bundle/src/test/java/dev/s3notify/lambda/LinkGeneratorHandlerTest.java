package dev.s3notify.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.function.LinkFunction;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.testing.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The link-generator handler end to end: S3Proxy as S3 (it checks signatures), WireMock as EventBridge. */
class LinkGeneratorHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "uploads";
    private static S3ProxyServer s3;
    private static WireMockServer events;

    @BeforeAll
    static void start() {
        s3 = S3ProxyServer.start();
        s3.createBucket(BUCKET);
        events = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        events.start();
    }

    @AfterAll
    static void stop() {
        events.stop();
        s3.close();
    }

    @BeforeEach
    void acceptEverything() {
        events.resetAll();
        events.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"},{\"EventId\":\"e-2\"},"
                                + "{\"EventId\":\"e-3\"}]}")));
    }

    @Test
    void publishesALinkThatDownloadsTheUploadedBytes() throws Exception {
        String key = "reports/Q3 résumé 📄 + data.pdf";
        byte[] bytes = randomBytes();
        s3.putObject(BUCKET, key, bytes, "application/pdf");

        JsonNode response = invoke(handler(env()), sqsWrapped(classicPut(BUCKET,
                "reports/Q3+r%C3%A9sum%C3%A9+%F0%9F%93%84+%2B+data.pdf")));

        assertThat(response.get("published").asInt()).isEqualTo(1);
        assertThat(response.get("batchItemFailures")).isEmpty();
        JsonNode entry = onlyEntry();
        assertThat(entry.get("Source").asText()).isEqualTo("s3-link-generator");
        assertThat(entry.get("DetailType").asText()).isEqualTo("file-link-generated");
        assertThat(entry.get("EventBusName").asText()).isEqualTo("uploads-bus");
        JsonNode detail = JSON.readTree(entry.get("Detail").asText());
        assertThat(detail.get("key").asText()).isEqualTo(key);
        assertThat(detail.get("fileName").asText()).isEqualTo("Q3 résumé 📄 + data.pdf");
        assertThat(detail.get("expirationTime").asText()).isEqualTo("24 hours");
        assertThat(detail.get("sourceEventId").asText()).isEqualTo("C3D13FE58DE4C810:0055AED6DCD90281E5");
        HttpResponse<byte[]> download = get(detail.get("fileUrl").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment;").contains("filename*=UTF-8''Q3%20r%C3%A9sum"));
    }

    @Test
    void settlesAnAmbiguousEventBridgeKeyWithHeadObject() throws Exception {
        byte[] bytes = randomBytes();
        s3.putObject(BUCKET, "a+b.txt", bytes, "text/plain");

        invoke(handler(env()), eventBridgeCreated(BUCKET, "a+b.txt"));

        JsonNode detail = JSON.readTree(onlyEntry().get("Detail").asText());
        assertThat(detail.get("key").asText()).isEqualTo("a+b.txt");
        assertThat(detail.get("contentType").asText()).startsWith("text/plain");
        assertThat(get(detail.get("fileUrl").asText()).body()).isEqualTo(bytes);
    }

    @Test
    void publishesADeletionWithoutALink() throws Exception {
        String deleted = """
                {"detail-type":"Object Deleted","source":"aws.s3","id":"del-1","region":"us-east-1",
                 "time":"2026-11-21T10:00:00Z","detail":{"bucket":{"name":"uploads"},
                 "object":{"key":"gone.txt","sequencer":"01"},"deletion-type":"Permanently Deleted"}}""";

        invoke(handler(env()), deleted);

        JsonNode detail = JSON.readTree(onlyEntry().get("Detail").asText());
        assertThat(detail.get("eventType").asText()).isEqualTo("deleted");
        assertThat(detail.has("fileUrl")).isFalse();
        assertThat(detail.has("expiresAt")).isFalse();
        assertThat(detail.get("sourceEventId").asText()).isEqualTo("del-1");
    }

    @Test
    void failsTheInvocationWhenEventBridgeRefusesAnEntry() {
        s3.putObject(BUCKET, "refused.txt", randomBytes(), "text/plain");
        events.stubFor(post("/").willReturn(aResponse().withStatus(200).withBody(
                "{\"FailedEntryCount\":1,\"Entries\":[{\"ErrorCode\":\"AccessDeniedException\","
                        + "\"ErrorMessage\":\"not authorized\"}]}")));

        assertThatThrownBy(() -> invoke(handler(env()), eventBridgeCreated(BUCKET, "refused.txt")))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("AccessDeniedException")
                .hasMessageContaining("refused.txt");
    }

    @Test
    void reportsOnlyTheBrokenMessageOfAnSqsBatch() throws Exception {
        s3.putObject(BUCKET, "good.txt", randomBytes(), "text/plain");
        String batch = "{\"Records\":[" + sqsRecord("m-1", classicPut(BUCKET, "good.txt")) + ","
                + sqsRecord("m-2", "{\"not\":\"an s3 event\"}") + "]}";

        JsonNode response = invoke(handler(env()), batch);

        assertThat(response.get("published").asInt()).isEqualTo(1);
        assertThat(response.get("batchItemFailures").findValuesAsText("itemIdentifier")).containsExactly("m-2");
        events.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(
                matchingJsonPath("$.Entries[0].Detail", com.github.tomakehurst.wiremock.client.WireMock
                        .containing("good.txt"))));
    }

    /** Lambda's {@code batchItemFailures} are written by the handlers themselves: the events library is not needed. */
    @Test
    void answersSqsBatchesWithoutTheLambdaEventsLibrary() {
        assertThatThrownBy(() -> Class.forName("com.amazonaws.services.lambda.runtime.events.SQSBatchResponse"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void neverLogsALinksSignatureOrACredential() throws Exception {
        s3.putObject(BUCKET, "logged.txt", randomBytes(), "text/plain");
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        Log.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            invoke(handler(env()), eventBridgeCreated(BUCKET, "logged.txt"));
        } finally {
            Log.redirect(System.err);
        }

        String logged = logs.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("logged.txt").contains("?<redacted>")
                .doesNotContain("X-Amz-Signature").doesNotContain("X-Amz-Credential")
                .doesNotContain(s3.credential());
    }

    @Test
    void reportsEveryConfigurationProblemAtStartUp() {
        Map<String, String> env = env();
        env.put("URL_EXPIRATION_SECONDS", "700000");
        env.put("LINK_KIND", "nope");
        env.put("LINK_CONTENT_DISPOSITION", "maybe");

        assertThatThrownBy(() -> handler(env))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).hasSize(3))
                .hasMessageContaining("URL_EXPIRATION_SECONDS='700000'")
                .hasMessageContaining("1 to 604800")
                .hasMessageContaining("LINK_KIND=nope names no known kind; available: public-url, s3-presigned")
                .hasMessageContaining("LINK_CONTENT_DISPOSITION='maybe'");
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", s3.identity());
        env.put("AWS_SECRET_ACCESS_KEY", s3.credential());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        env.put("S3_FORCE_PATH_STYLE", "true");
        env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", events.baseUrl());
        env.put("EVENT_BUS_NAME", "uploads-bus");
        return env;
    }

    private static LinkGeneratorHandler handler(Map<String, String> env) {
        return new LinkGeneratorHandler(env, LinkFunction.Overrides.none());
    }

    static JsonNode invoke(LinkGeneratorHandler handler, String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new TestContext(60_000));
        return JSON.readTree(out.toByteArray());
    }

    private static JsonNode onlyEntry() throws Exception {
        List<LoggedRequest> requests = events.findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(requests).hasSize(1);
        JsonNode body = JSON.readTree(requests.get(0).getBodyAsString());
        assertThat(body.get("Entries")).hasSize(1);
        return body.get("Entries").get(0);
    }

    static String classicPut(String bucket, String encodedKey) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                 "eventTime":"2026-11-21T10:00:00.000Z","eventName":"ObjectCreated:Put",
                 "responseElements":{"x-amz-request-id":"C3D13FE58DE4C810"},
                 "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s"},
                  "object":{"key":"%s","size":1024,"eTag":"d41d8cd98f00b204e9800998ecf8427e",
                   "sequencer":"0055AED6DCD90281E5"}}}]}""".formatted(bucket, encodedKey);
    }

    static String eventBridgeCreated(String bucket, String key) {
        return """
                {"version":"0","id":"eb-1","detail-type":"Object Created","source":"aws.s3",
                 "time":"2026-11-21T10:00:00Z","region":"us-east-1","resources":[],
                 "detail":{"version":"0","bucket":{"name":"%s"},"object":{"key":"%s","size":1024}}}"""
                .formatted(bucket, key);
    }

    private static String sqsWrapped(String body) throws Exception {
        return "{\"Records\":[" + sqsRecord("m-1", body) + "]}";
    }

    private static String sqsRecord(String id, String body) throws Exception {
        return "{\"messageId\":\"" + id + "\",\"eventSource\":\"aws:sqs\",\"body\":"
                + JSON.writeValueAsString(body) + "}";
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4096];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    static HttpResponse<byte[]> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
