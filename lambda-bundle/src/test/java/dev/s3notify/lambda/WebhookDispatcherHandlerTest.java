package dev.s3notify.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.function.DispatchFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook-dispatcher handler with every shipped formatter, posting to WireMock as the webhook. */
class WebhookDispatcherHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LINK_EVENTS = Path.of(System.getProperty("repo.root", ".."), "docs", "examples",
            "link-events");
    private static WireMockServer webhook;

    @BeforeAll
    static void start() {
        webhook = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        webhook.start();
    }

    @AfterAll
    static void stop() {
        webhook.stop();
    }

    @BeforeEach
    void reset() {
        webhook.resetAll();
    }

    @ParameterizedTest(name = "{0} answering {1}")
    @CsvSource({"discord, 200", "slack, 200", "teams, 202", "generic, 204"})
    void deliversTheOldSystemsTestEventWithEveryAdapter(String kind, int status) throws Exception {
        webhook.stubFor(post(urlPathEqualTo("/hook/secret-token")).willReturn(aResponse().withStatus(status)));

        JsonNode response = invoke(kind, "legacy-dispatcher-test-event.json");

        assertThat(response.get("delivered").asInt()).isEqualTo(1);
        assertThat(response.get("batchItemFailures")).isEmpty();
        List<LoggedRequest> requests = webhook.findAll(postRequestedFor(urlPathEqualTo("/hook/secret-token")));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Content-Type")).startsWith("application/json");
        String body = requests.get(0).getBodyAsString();
        assertThat(JSON.readTree(body).isObject()).isTrue();
        assertThat(body).contains("test-file.pdf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"discord", "slack", "teams", "generic"})
    void failsTheInvocationWhenTheWebhookRefusesTheMessage(String kind) {
        webhook.stubFor(post(urlPathEqualTo("/hook/secret-token")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\": \"Unknown Webhook\", \"code\": 10015}")));

        assertThatThrownBy(() -> invoke(kind, "file-link-generated.json"))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("at localhost")
                .hasMessageNotContaining("secret-token");
        assertThat(webhook.findAll(postRequestedFor(urlPathEqualTo("/hook/secret-token")))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"discord", "slack", "teams", "generic"})
    void saysAFileWasRemovedWithoutALink(String kind) throws Exception {
        webhook.stubFor(post(urlPathEqualTo("/hook/secret-token")).willReturn(aResponse().withStatus(200)));

        invoke(kind, "file-removed.json");

        String body = webhook.findAll(postRequestedFor(urlPathEqualTo("/hook/secret-token"))).get(0).getBodyAsString();
        assertThat(body).contains("old-draft.docx").doesNotContain("X-Amz-Signature");
    }

    private static JsonNode invoke(String kind, String example) throws Exception {
        // A webhook of its own for each invocation: the sender paces each webhook to its platform's documented
        // rate, in budgets the whole process shares, and these tests post to the same path one after another.
        Map<String, String> env = Map.of("WEBHOOK_KIND", kind, "WEBHOOK_URL", webhook.baseUrl()
                + "/hook/secret-token?run=" + UUID.randomUUID(), "MAX_ATTEMPTS", "1");
        WebhookDispatcherHandler handler = new WebhookDispatcherHandler(env, DispatchFunction.Overrides.none());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(LINK_EVENTS.resolve(example))), out,
                new TestContext(60_000));
        return JSON.readTree(out.toByteArray());
    }
}
