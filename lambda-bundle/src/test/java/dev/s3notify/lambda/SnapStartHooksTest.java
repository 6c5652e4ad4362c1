package dev.s3notify.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.function.LinkFunction;
import dev.s3notify.core.support.Log;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart hooks, called directly as Lambda would around a snapshot: priming makes no request at all, and
 * nothing credential- or time-dependent survives them. WireMock stands in for the container credentials endpoint
 * (as SnapStart functions get their role's credentials), Secrets Manager, SSM, EventBridge and the webhook.
 */
class SnapStartHooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNING_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:signing";
    private static WireMockServer aws;

    @BeforeAll
    static void start() {
        aws = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        aws.start();
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.containerCredentialsFullUri");
        System.clearProperty("aws.containerAuthorizationToken");
        aws.stop();
    }

    @BeforeEach
    void stubAws() {
        // The SDK's container provider reads its endpoint and token from the process environment or these system
        // properties; the map (awsEnv) names the same endpoint, which is how core knows to use the provider.
        System.setProperty("aws.containerCredentialsFullUri", aws.baseUrl() + "/creds");
        System.setProperty("aws.containerAuthorizationToken", "container-token");
        aws.resetAll();
        aws.stubFor(get("/creds").willReturn(aResponse().withStatus(200).withBody("""
                {"AccessKeyId":"ASIAROLEKEY","SecretAccessKey":"role-secret","Token":"role-token",
                 "Expiration":"2099-01-01T00:00:00Z"}""")));
        signingKeysAre("AKIABEFORESNAPSHOT");
        aws.stubFor(target("AWSEvents.PutEvents").willReturn(aResponse().withStatus(200)
                .withBody("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}")));
        aws.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
    }

    @Test
    void linkGeneratorPrimesWithoutAnyRequest() {
        LinkGeneratorHandler handler = new LinkGeneratorHandler(linkEnv(), LinkFunction.Overrides.none());
        aws.resetRequests();

        String logs = logsOf(() -> handler.beforeCheckpoint(null));

        assertThat(aws.getAllServeEvents()).isEmpty();
        assertThat(logs).contains("\"message\":\"primed before snapshot\"").doesNotContain("priming failed");
    }

    @Test
    void linkGeneratorReadsCredentialsAndSigningKeysAnewAfterRestore() throws Exception {
        LinkGeneratorHandler handler = new LinkGeneratorHandler(linkEnv(), LinkFunction.Overrides.none());
        aws.verify(1, getRequestedFor(urlEqualTo("/creds")));
        aws.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("secretsmanager.GetSecretValue")));
        aws.resetRequests();

        handler.beforeCheckpoint(null);
        signingKeysAre("AKIAAFTERRESTORE");
        handler.afterRestore(null);
        JsonNode detail = publishedDetail(handler);

        aws.verify(1, getRequestedFor(urlEqualTo("/creds")));
        aws.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("secretsmanager.GetSecretValue")));
        assertThat(detail.get("fileUrl").asText()).contains("X-Amz-Credential=AKIAAFTERRESTORE%2F")
                .doesNotContain("AKIABEFORESNAPSHOT");
    }

    @Test
    void linkGeneratorForgetsRoleCredentialsFetchedSinceTheSnapshot() throws Exception {
        Map<String, String> env = linkEnv();
        env.remove("LINK_SIGNING_SECRET_ARN");
        LinkGeneratorHandler handler = new LinkGeneratorHandler(env, LinkFunction.Overrides.none());
        publishedDetail(handler);
        aws.resetRequests();

        handler.afterRestore(null);
        JsonNode detail = publishedDetail(handler);

        aws.verify(1, getRequestedFor(urlEqualTo("/creds")));
        assertThat(detail.get("fileUrl").asText()).contains("X-Amz-Credential=ASIAROLEKEY%2F");
    }

    @Test
    void dispatcherPrimesWithoutSendingAndKeepsTheStoredWebhookUrl() throws Exception {
        aws.stubFor(target("secretsmanager.GetSecretValue").withRequestBody(
                containing("webhook"))
                .willReturn(aResponse().withStatus(200).withBody(JSON.createObjectNode()
                        .put("SecretString", aws.baseUrl().replace("127.0.0.1", "localhost") + "/hook")
                        .put("VersionId", "v1").toString())));
        Map<String, String> env = awsEnv();
        env.put("WEBHOOK_URL_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:webhook");
        env.put("WEBHOOK_KIND", "generic");
        WebhookDispatcherHandler handler = new WebhookDispatcherHandler(env, DispatchFunction.Overrides.none());
        aws.resetRequests();

        String logs = logsOf(() -> handler.beforeCheckpoint(null));
        assertThat(aws.getAllServeEvents()).isEmpty();
        assertThat(logs).contains("\"message\":\"primed before snapshot\"");

        handler.afterRestore(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Priming.sample("file-link-generated.json")), out,
                new TestContext(30_000));

        assertThat(JSON.readTree(out.toByteArray()).get("delivered").asInt()).isEqualTo(1);
        aws.verify(1, postRequestedFor(urlEqualTo("/hook")));
        aws.verify(1, anyRequestedFor(anyUrl()));
    }

    private static void signingKeysAre(String accessKeyId) {
        aws.stubFor(target("secretsmanager.GetSecretValue").willReturn(aResponse().withStatus(200)
                .withBody(JSON.createObjectNode().put("SecretString", "{\"accessKeyId\":\"" + accessKeyId
                        + "\",\"secretAccessKey\":\"long-term-secret\"}").put("VersionId", "v1").toString())));
    }

    private static MappingBuilder target(String target) {
        return post("/").withHeader("X-Amz-Target", equalTo(target));
    }

    private static Map<String, String> awsEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "s3-notify-test");
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", aws.baseUrl() + "/creds");
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-token");
        env.put("AWS_ENDPOINT_URL", aws.baseUrl());
        return env;
    }

    private static Map<String, String> linkEnv() {
        Map<String, String> env = awsEnv();
        env.put("LINK_SIGNING_SECRET_ARN", SIGNING_SECRET);
        // Priming must not call HeadObject even when every invocation would.
        env.put("HEAD_OBJECT", "always");
        env.put("S3_FORCE_PATH_STYLE", "true");
        return env;
    }

    /** Invokes with the priming sample, answering its HeadObject, and returns the detail published. */
    private static JsonNode publishedDetail(LinkGeneratorHandler handler) throws Exception {
        aws.stubFor(head(anyUrl())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Length", "1024")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Priming.sample("object-created.json")), out,
                new TestContext(30_000));
        assertThat(JSON.readTree(out.toByteArray()).get("published").asInt()).isEqualTo(1);
        JsonNode body = JSON.readTree(aws.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AWSEvents.PutEvents"))).get(0).getBodyAsString());
        return JSON.readTree(body.get("Entries").get(0).get("Detail").asText());
    }

    private static String logsOf(Runnable action) {
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        Log.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            Log.redirect(System.err);
        }
        return logs.toString(StandardCharsets.UTF_8);
    }
}
