package dev.s3notify.core.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.testing.Fixtures;
import dev.s3notify.core.testing.LogCapture;
import dev.s3notify.core.testing.TestFormatters;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DispatchFunctionTest {
    private static final String TOKEN = "hUnTeR2-webhook-token-0123456789abcdefABCDEF";
    private static final String PATH = "/api/webhooks/42/" + TOKEN;
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:webhook-AbCdEf";
    private static final String PARAMETER = "/s3-notify/webhook-url";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path classPathEntry;
    private WireMockServer server;
    private ClassLoader formatters;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
        formatters = TestFormatters.loader(classPathEntry, TestFormatters.Chat.class, TestFormatters.OtherChat.class,
                TestFormatters.Generic.class);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void reportsEveryConfigurationProblemTogether() {
        ConfigurationException e = createFails(Map.of("REQUEST_TIMEOUT_SECONDS", "0", "MAX_ATTEMPTS", "x",
                "WEBHOOK_KIND", "nope", "MESSAGE_TEMPLATE", "New file: %s, download it at %s"));

        assertThat(e.problems()).hasSize(5)
                .anySatisfy(p -> assertThat(p).startsWith("WEBHOOK_URL is required"))
                .anySatisfy(p -> assertThat(p).isEqualTo(
                        "REQUEST_TIMEOUT_SECONDS='0' is not valid: expected a whole number from 1 to 900"))
                .anySatisfy(p -> assertThat(p).isEqualTo(
                        "MAX_ATTEMPTS='x' is not valid: expected a whole number from 1 to 10"))
                .anySatisfy(p -> assertThat(p).contains(
                        "WEBHOOK_KIND=nope names no known kind; available: chat, generic, otherchat"))
                .anySatisfy(p -> assertThat(p).contains("MESSAGE_TEMPLATE uses the printf style")
                        .contains("'New file: {{fileName}}, download it at {{{fileUrl}}}'"));
        assertThat(e).hasMessageStartingWith("Invalid configuration (5 problems):");
    }

    @Test
    void reportsTheFormattersVariablesWithTheOtherProblems() {
        ConfigurationException e = createFails(Map.of("WEBHOOK_URL", webhookUrl(), "WEBHOOK_KIND", "chat",
                "CHAT_COLOR", "purple", "MAX_ATTEMPTS", "0", "MESSAGE_TEMPLATE", "{{fileName}} {{filename}}"));

        assertThat(e.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).isEqualTo(
                        "CHAT_COLOR='purple' is not valid: expected a whole number from 0 to 16777215"))
                .anySatisfy(p -> assertThat(p).startsWith("MAX_ATTEMPTS='0'"))
                .anySatisfy(p -> assertThat(p).contains("uses [{{filename}}]"));
    }

    @Test
    void reportsNamesNoTableOrBucketCanHaveWithTheOtherProblems() {
        ConfigurationException e = createFails(Map.of("WEBHOOK_URL", webhookUrl(), "WEBHOOK_KIND", "chat",
                "MAX_ATTEMPTS", "0", "IDEMPOTENCY_TABLE", "bad name!", "INDEX_BUCKET", "Index_Pages",
                "INDEX_PREFIX", "../"));

        assertThat(e.problems()).hasSize(4)
                .anySatisfy(p -> assertThat(p).startsWith("MAX_ATTEMPTS='0'"))
                .anySatisfy(p -> assertThat(p).startsWith("IDEMPOTENCY_TABLE='bad name!' is not valid: expected a"
                        + " DynamoDB table name"))
                .anySatisfy(p -> assertThat(p).startsWith("INDEX_BUCKET='Index_Pages' is not valid: expected an S3"
                        + " general purpose bucket name"))
                .anySatisfy(p -> assertThat(p).startsWith("INDEX_PREFIX='../' is not valid: expected an S3 key"
                        + " prefix"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/api/webhooks/1/SeCrEt", "http://discord.com.evil/SeCrEt",
        "http://127.0.0.1.nip.io/SeCrEt", "http://127.attacker.example/SeCrEt"})
    void refusesPlainHttpExceptOnLoopback(String url) {
        ConfigurationException e = createFails(Map.of("WEBHOOK_URL", url, "WEBHOOK_KIND", "chat"));

        assertThat(e.problems()).containsExactly("WEBHOOK_URL=<secret> is not valid: expected an https URL"
                + " (plain http is accepted only for loopback: localhost, 127.0.0.0/8 and [::1])");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d", "http://localhost:%d"})
    void acceptsPlainHttpOnLoopback(String base) {
        DispatchPipeline pipeline = create(Map.of("WEBHOOK_URL", String.format(base, server.port()) + PATH));

        assertThat(pipeline.handle(Fixtures.bytes("eventbridge-file-link-generated.json"), soon()).delivered())
                .isEqualTo(1);
        server.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/api/webhooks/1/SeCrEt", "https://discord.com/api/webhooks/1/Se Cr Et",
        "ftp://files.example.com/SeCrEt", "discord.com/api/webhooks/1/SeCrEt", "https:///SeCrEt"})
    void neverShowsAnInvalidWebhookUrl(String url) {
        String log;
        ConfigurationException e;
        try (LogCapture captured = new LogCapture()) {
            e = createFails(Map.of("WEBHOOK_URL", url));
            log = String.join("\n", captured.lines());
        }

        assertThat(e).hasMessageContaining("WEBHOOK_URL=<secret> is not valid");
        assertThat(e.getMessage() + log).doesNotContain("SeCrEt").doesNotContain("Se Cr Et")
                .doesNotContain("example.com");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsTheWebhookUrlFromSecretsManager(boolean asJson) throws Exception {
        String value = asJson ? JSON.createObjectNode().put("url", webhookUrl()).toString() : webhookUrl();
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(okJson(JSON.createObjectNode().put("ARN", SECRET_ARN).put("Name", "webhook")
                        .put("SecretString", value).put("VersionId", "v1").toString())));

        String log;
        DispatchPipeline pipeline;
        try (LogCapture captured = new LogCapture()) {
            pipeline = create(aws("WEBHOOK_URL_SECRET_ARN", SECRET_ARN, "AWS_ENDPOINT_URL_SECRETS_MANAGER"));
            log = String.join("\n", captured.lines());
        }
        pipeline.handle(Fixtures.bytes("eventbridge-file-link-generated.json"), soon());

        server.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("Authorization", containing("Credential=AKIDEXAMPLE/"))
                .withHeader("Authorization", containing("/eu-west-1/secretsmanager/aws4_request"))
                .withRequestBody(equalToJson("{\"SecretId\":\"" + SECRET_ARN + "\"}")));
        server.verify(1, postRequestedFor(urlEqualTo(PATH + "?wait=true")));
        assertThat(log).contains("\"host\":\"127.0.0.1\"").doesNotContain(TOKEN);
    }

    @Test
    void readsTheWebhookUrlFromParameterStore() {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .willReturn(okJson("{\"Parameter\":{\"Name\":\"" + PARAMETER + "\",\"Type\":\"SecureString\","
                        + "\"Value\":\"" + webhookUrl() + "\",\"Version\":3}}")));

        DispatchPipeline pipeline = create(aws("WEBHOOK_URL_PARAMETER", PARAMETER, "AWS_ENDPOINT_URL_SSM"));
        pipeline.handle(Fixtures.bytes("eventbridge-file-link-generated.json"), soon());

        server.verify(1, postRequestedFor(urlEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.Name", equalTo(PARAMETER)))
                .withRequestBody(matchingJsonPath("$.WithDecryption", equalTo("true"))));
        server.verify(1, postRequestedFor(urlEqualTo(PATH + "?wait=true")));
    }

    @Test
    void reportsAnUnreadableSecretWithTheOtherProblems() {
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withBody(
                "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the secret.\"}")));
        Map<String, String> env = aws("WEBHOOK_URL_SECRET_ARN", SECRET_ARN, "AWS_ENDPOINT_URL_SECRETS_MANAGER");
        env.put("MAX_ATTEMPTS", "x");

        ConfigurationException e = createFails(env);

        assertThat(e.problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains(SECRET_ARN).contains("ResourceNotFoundException"))
                .anySatisfy(p -> assertThat(p).startsWith("MAX_ATTEMPTS='x'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://files.example.com/SeCrEt", "http://example.com/SeCrEt", "{\"webhook\":\"SeCrEt\"}",
        "{\"url\":42}", "{SeCrEt"})
    void refusesAStoredValueThatIsNotAWebhookUrlWithoutShowingIt(String value) {
        server.stubFor(post(urlEqualTo("/")).willReturn(okJson(JSON.createObjectNode().put("ARN", SECRET_ARN)
                .put("SecretString", value).toString())));

        ConfigurationException e = createFails(aws("WEBHOOK_URL_SECRET_ARN", SECRET_ARN,
                "AWS_ENDPOINT_URL_SECRETS_MANAGER"));

        assertThat(e.problems()).singleElement().asString().startsWith("WEBHOOK_URL_SECRET_ARN=" + SECRET_ARN + ": ")
                .doesNotContain("SeCrEt");
    }

    @Test
    void refusesTwoSourcesForTheWebhookUrl() {
        Map<String, String> env = aws("WEBHOOK_URL_SECRET_ARN", SECRET_ARN, "AWS_ENDPOINT_URL_SECRETS_MANAGER");
        env.put("WEBHOOK_URL", webhookUrl());

        ConfigurationException e = createFails(env);

        assertThat(e.problems()).containsExactly(
                "set only one of WEBHOOK_URL, WEBHOOK_URL_SECRET_ARN and WEBHOOK_URL_PARAMETER");
        server.verify(0, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void infersTheKindFromTheWebhookUrl() {
        String log;
        try (LogCapture captured = new LogCapture()) {
            create(Map.of("WEBHOOK_URL", webhookUrl())).handle(Fixtures.bytes("eventbridge-file-link-generated.json"),
                    soon());
            log = String.join("\n", captured.lines());
        }

        server.verify(1, postRequestedFor(urlEqualTo(PATH + "?wait=true"))
                .withRequestBody(matchingJsonPath("$.username", equalTo("s3-notify"))));
        assertThat(log).contains("\"kind\":\"chat\"").doesNotContain(TOKEN).doesNotContain("/api/webhooks");
    }

    @Test
    void usesTheMessageTemplateVariable() {
        create(Map.of("WEBHOOK_URL", webhookUrl(), "MESSAGE_TEMPLATE", "{{fileName}} ({{sizeText}}) {{{fileName}}}"))
                .handle(Fixtures.bytes("eventbridge-file-link-generated.json"), soon());

        server.verify(postRequestedFor(anyUrl())
                .withRequestBody(matchingJsonPath("$.content", equalTo("Q1\\_summary.pdf (47.1 KB) Q1_summary.pdf"))));
    }

    @Test
    void previewsWithoutAWebhookUrl() {
        List<WebhookRequest> formatted = new ArrayList<>();
        DispatchPipeline pipeline = DispatchFunction.create(Map.of(), new DispatchFunction.Overrides(true,
                (destination, request) -> formatted.add(request), "chat", null, formatters, null));

        DispatchPipeline.Outcome outcome = pipeline.handle(Fixtures.bytes("eventbridge-file-link-generated.json"),
                Instant.now());

        assertThat(outcome.delivered()).isEqualTo(1);
        assertThat(formatted).singleElement().satisfies(r -> assertThat(r.body()).contains("New file Q1\\\\_summary"));
        server.verify(0, postRequestedFor(anyUrl()));
    }

    private DispatchPipeline create(Map<String, String> env) {
        return DispatchFunction.create(env, new DispatchFunction.Overrides(false, null, null, null, formatters, null));
    }

    private ConfigurationException createFails(Map<String, String> env) {
        return catchThrowableOfType(() -> create(env), ConfigurationException.class);
    }

    private Map<String, String> aws(String variable, String value, String endpointVariable) {
        Map<String, String> env = new HashMap<>();
        env.put(variable, value);
        env.put(endpointVariable, "http://127.0.0.1:" + server.port());
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        env.put("AWS_REGION", "eu-west-1");
        return env;
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + server.port() + PATH;
    }

    private static Instant soon() {
        return Instant.now().plusSeconds(30);
    }
}
