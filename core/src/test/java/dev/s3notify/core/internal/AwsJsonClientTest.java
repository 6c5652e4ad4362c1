package dev.s3notify.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.s3notify.core.internal.AwsFixtures.CLOCK;
import static dev.s3notify.core.internal.AwsFixtures.KEYS;
import static dev.s3notify.core.internal.AwsFixtures.SECRET_KEY;
import static dev.s3notify.core.internal.AwsFixtures.SESSION;
import static dev.s3notify.core.internal.AwsFixtures.SESSION_TOKEN;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.s3notify.core.CredentialsProvider;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class AwsJsonClientTest {
    private static final String TARGET = "AWSEvents.PutEvents";
    private static final String BODY = "{\"Entries\":[{\"Source\":\"s\",\"Detail\":\"{\\\"a\\\":\\\"é\\\"}\"}]}";

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = AwsFixtures.startServer();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void postsSignedJsonToTheRootWithTheTarget() throws Exception {
        server.stubFor(post("/").willReturn(okJson("{\"FailedEntryCount\":0}")));

        JsonNode response = client(KEYS).call(TARGET, AwsJsonClient.JSON.readTree(BODY));

        assertThat(response.path("FailedEntryCount").asInt(-1)).isZero();
        server.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withHeader("X-Amz-Date", equalTo("20240501T123456Z"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/"
                        + "events/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amz-target, Signature=[0-9a-f]{64}"))
                .withHeader("X-Amz-Content-Sha256", equalTo(SigV4.sha256Hex(BODY.getBytes(UTF_8))))
                .withoutHeader("X-Amz-Security-Token")
                .withRequestBody(equalToJson(BODY)));
    }

    @Test
    void sendsAndSignsTheSessionTokenOfTemporaryCredentials() throws Exception {
        server.stubFor(post("/").willReturn(okJson("{}")));

        client(SESSION).call(TARGET, AwsJsonClient.JSON.readTree(BODY));

        server.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Security-Token", equalTo(SESSION_TOKEN))
                .withHeader("Authorization", matching(".*Credential=ASIAEXAMPLE/.*, SignedHeaders=content-type;host;"
                        + "x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target, .*")));
    }

    @Test
    void authorizationEqualsTheSdkSignersForLongTermKeys() throws Exception {
        LoggedRequest sent = callAndRecord(KEYS);

        assertThat(sent.getHeader("Authorization"))
                .isEqualTo(sdkAuthorization(sent, AwsCredentialsIdentity.create("AKIDEXAMPLE", SECRET_KEY)));
    }

    @Test
    void authorizationEqualsTheSdkSignersForSessionCredentials() throws Exception {
        LoggedRequest sent = callAndRecord(SESSION);

        assertThat(sent.getHeader("Authorization")).isEqualTo(sdkAuthorization(sent,
                AwsSessionCredentialsIdentity.create("ASIAEXAMPLE", SECRET_KEY, SESSION_TOKEN)));
    }

    @Test
    void endpointIsTheRegionalServiceHostUnlessOverridden() {
        assertThat(AwsJsonClient.endpoint(null, "events", "eu-west-1"))
                .isEqualTo(URI.create("https://events.eu-west-1.amazonaws.com/"));
        assertThat(AwsJsonClient.endpoint(null, "ssm", "cn-north-1"))
                .isEqualTo(URI.create("https://ssm.cn-north-1.amazonaws.com.cn/"));
        assertThat(AwsJsonClient.endpoint(URI.create("http://localhost:4566"), "events", "eu-west-1"))
                .isEqualTo(URI.create("http://localhost:4566"));
    }

    @Test
    void errorNamesTheCallStatusTypeAndMessage() {
        server.stubFor(post("/").willReturn(aResponse().withStatus(400).withBody(
                "{\"__type\":\"com.amazonaws.events#ResourceNotFoundException\",\"Message\":\"Event bus nope does"
                        + " not exist.\"}")));

        assertThatThrownBy(() -> client(KEYS).call(TARGET, AwsJsonClient.JSON.createObjectNode()))
                .isInstanceOf(AwsCallException.class)
                .hasMessage("AWSEvents.PutEvents to 127.0.0.1:" + server.port() + " failed: HTTP 400"
                        + " ResourceNotFoundException: Event bus nope does not exist.")
                .asInstanceOf(type(AwsCallException.class))
                .satisfies(e -> assertThat(e.retryable()).isFalse());
    }

    @ParameterizedTest
    @CsvSource({
        "com.amazonaws.events#ResourceNotFoundException, ResourceNotFoundException",
        "'ValidationException:http://internal.amazon.com/coral/com.amazonaws.events/', ValidationException",
        "AccessDeniedException, AccessDeniedException",
        "'', UnknownError"})
    void errorTypeDropsNamespaceAndDocumentationLink(String raw, String type) {
        assertThat(AwsCallException.typeOf(raw)).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({
        "400, ThrottlingException, true",
        "429, '', true",
        "500, InternalFailure, true",
        "503, ServiceUnavailable, true",
        "400, ValidationException, false",
        "400, AccessDeniedException, false",
        "403, UnrecognizedClientException, false"})
    void throttlingAndServerErrorsAreRetryableOthersAreNot(int status, String type, boolean retryable) {
        server.stubFor(post("/").willReturn(aResponse().withStatus(status)
                .withBody(type.isEmpty() ? "" : "{\"__type\":\"" + type + "\",\"message\":\"m\"}")));

        assertThatThrownBy(() -> client(KEYS).call(TARGET, AwsJsonClient.JSON.createObjectNode()))
                .asInstanceOf(type(AwsCallException.class))
                .satisfies(e -> assertThat(e.retryable()).isEqualTo(retryable))
                .satisfies(e -> assertThat(e.status()).isEqualTo(status));
    }

    @Test
    void errorMessageNeverQuotesCredentials() {
        server.stubFor(post("/").willReturn(aResponse().withStatus(403).withBody(AwsJsonClient.JSON.createObjectNode()
                .put("__type", "InvalidSignatureException")
                .put("message", "The request signature we calculated does not match (key " + SECRET_KEY + ").\n\n"
                        + "The Canonical String for this request should have been\n'POST\n/\n\n"
                        + "x-amz-security-token:" + SESSION_TOKEN + "\n'").toString())));

        assertThatThrownBy(() -> client(SESSION).call(TARGET, AwsJsonClient.JSON.createObjectNode()))
                .hasMessageContaining("InvalidSignatureException: The request signature we calculated does not match"
                        + " (key ******).")
                .hasMessageNotContaining(SECRET_KEY)
                .hasMessageNotContaining(SESSION_TOKEN)
                .hasMessageNotContaining("Canonical String");
    }

    @Test
    void lateResponseTimesOutAsRetryable() {
        server.stubFor(post("/").willReturn(okJson("{}").withFixedDelay(3_000)));
        long started = System.nanoTime();

        assertThatThrownBy(() -> client(KEYS, Duration.ofMillis(200)).call(TARGET,
                AwsJsonClient.JSON.createObjectNode()))
                .hasMessageContaining("no response within 200 ms")
                .asInstanceOf(type(AwsCallException.class))
                .satisfies(e -> assertThat(e.retryable()).isTrue())
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("Timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void droppedConnectionIsRetryable() {
        server.stubFor(post("/").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> client(KEYS).call(TARGET, AwsJsonClient.JSON.createObjectNode()))
                .asInstanceOf(type(AwsCallException.class))
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("ConnectionError"))
                .satisfies(e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void successThatIsNotJsonIsUnreadableAndNotRetried() {
        server.stubFor(post("/").willReturn(aResponse().withStatus(200).withBody("<html>proxy</html>")));

        assertThatThrownBy(() -> client(KEYS).call(TARGET, AwsJsonClient.JSON.createObjectNode()))
                .hasMessageContaining("HTTP 200 with a body that is not JSON")
                .hasMessageNotContaining("proxy")
                .asInstanceOf(type(AwsCallException.class))
                .satisfies(e -> assertThat(e.retryable()).isFalse());
    }

    private LoggedRequest callAndRecord(CredentialsProvider keys) throws Exception {
        server.stubFor(post("/").willReturn(okJson("{}")));
        client(keys).call(TARGET, AwsJsonClient.JSON.readTree(BODY));
        return server.findAll(postRequestedFor(urlEqualTo("/"))).get(0);
    }

    /** Signs what WireMock received (method, URL, the two content headers, body) with the SDK at the same time. */
    private String sdkAuthorization(LoggedRequest sent, AwsCredentialsIdentity identity) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .putHeader("Content-Type", sent.getHeader("Content-Type"))
                .putHeader("X-Amz-Target", sent.getHeader("X-Amz-Target"))
                .build();
        return AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(request)
                        .payload(ContentStreamProvider.fromByteArray(sent.getBody()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "events")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK))
                .request().firstMatchingHeader("Authorization").orElseThrow();
    }

    private AwsJsonClient client(CredentialsProvider keys) {
        return client(keys, Duration.ofSeconds(5));
    }

    private AwsJsonClient client(CredentialsProvider keys, Duration timeout) {
        return AwsFixtures.client("events", server, keys, timeout);
    }
}
