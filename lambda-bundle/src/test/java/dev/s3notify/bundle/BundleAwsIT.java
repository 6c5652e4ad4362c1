package dev.s3notify.bundle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built jar's AWS calls, each run in its own process against WireMock: the shade step leaves out SDK classes
 * nothing synchronous reaches (async clients, paginators and waiters), and these show nothing needed went with
 * them; SSM and Secrets Manager are read without their SDK modules, which the jar does not hold. Requests must
 * arrive signed by the SDK's signer.
 */
class BundleAwsIT {
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDBUNDLE/\\d{8}/us-east-1/%s/aws4_request.*";
    private static WireMockServer aws;

    @BeforeAll
    static void start() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        String hook = aws.baseUrl().replace("127.0.0.1", "localhost") + "/hook";
        aws.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .willReturn(okJson("{\"Parameter\":{\"Name\":\"/hook\",\"Type\":\"SecureString\",\"Value\":\"" + hook
                        + "\",\"Version\":1}}")));
        aws.stubFor(post("/").withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(okJson("{\"SecretString\":\"" + hook + "\",\"VersionId\":\"v1\"}")));
        aws.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents"))
                .willReturn(okJson("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e1\"}]}")));
        aws.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stop() {
        aws.stop();
    }

    @Test
    void readsTheWebhookUrlFromSsmParameterStore() {
        Command sent = Bundle.cli(dispatcher("WEBHOOK_URL_PARAMETER", "/hook"), "send-test");

        assertThat(sent.exit()).as(sent.output()).isZero();
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .withHeader("Authorization", matching(SIGNED.formatted("ssm"))));
        aws.verify(postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void readsTheWebhookUrlFromSecretsManager() {
        Command sent = Bundle.cli(dispatcher("WEBHOOK_URL_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:h"),
                "send-test");

        assertThat(sent.exit()).as(sent.output()).isZero();
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("secretsmanager.GetSecretValue")).withHeader("Authorization",
                matching(SIGNED.formatted("secretsmanager"))));
    }

    @Test
    void checksTheObjectWithHeadObjectAndPublishesTheLinkEventWithPutEvents() {
        aws.stubFor(head(urlPathMatching("/example-uploads/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withHeader("Content-Length", "1024")));
        Map<String, String> env = aws();
        env.put("HEAD_OBJECT", "always");
        env.put("S3_FORCE_PATH_STYLE", "true");

        Command invoked = Bundle.cli(env, "invoke", "link-generator", "--event",
                Bundle.ROOT.resolve("docs/examples/eventbridge-object-created.json").toString());

        assertThat(invoked.exit()).as(invoked.output()).isZero();
        assertThat(invoked.out()).contains("\"batchItemFailures\"");
        assertThat(invoked.err()).doesNotContain("SLF4J");
        aws.verify(headRequestedFor(urlPathMatching("/example-uploads/.*"))
                .withHeader("Authorization", matching(SIGNED.formatted("s3"))));
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents"))
                .withHeader("Authorization", matching(SIGNED.formatted("events")))
                .withRequestBody(matching(".*application/pdf.*")));
    }

    private static Map<String, String> dispatcher(String variable, String value) {
        assumeTrue(Bundle.adapters().contains("generic"), "the generic adapter is not in this build");
        Map<String, String> env = aws();
        env.put(variable, value);
        env.put("WEBHOOK_KIND", "generic");
        return env;
    }

    private static Map<String, String> aws() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "AKIDBUNDLE");
        env.put("AWS_SECRET_ACCESS_KEY", "bundle-secret");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL", aws.baseUrl());
        return env;
    }
}
