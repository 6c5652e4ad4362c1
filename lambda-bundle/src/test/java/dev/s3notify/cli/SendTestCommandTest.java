package dev.s3notify.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code s3notify send-test}: a sample notification through the real dispatcher to a WireMock webhook. */
class SendTestCommandTest {
    private static final String HOOK = "/api/webhooks/123/secret-token-abc";

    private final TestConsole console = new TestConsole();
    private WireMockServer webhook;

    @BeforeEach
    void startWebhook() {
        webhook = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        webhook.start();
    }

    @AfterEach
    void stopWebhook() {
        webhook.stop();
    }

    @Test
    void deliversASampleUploadAndShowsKindHostAndStatus() {
        webhook.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(200)));

        int exit = console.run(Map.of("WEBHOOK_KIND", "discord", "WEBHOOK_URL", webhook.baseUrl() + HOOK),
                "send-test");

        assertThat(exit).as(console.err()).isZero();
        JsonNode result = console.json();
        assertThat(result.get("delivered").asBoolean()).isTrue();
        assertThat(result.get("kind").asText()).isEqualTo("discord");
        assertThat(result.get("host").asText()).isEqualTo("localhost");
        assertThat(result.get("status").asInt()).as("the HTTP status the webhook answered").isEqualTo(200);
        assertThat(result.get("body").isObject()).as("the body as JSON, as run shows it").isTrue();
        assertThat(result.get("body").get("embeds").get(0).toString()).contains("sample-report.pdf");
        webhook.verify(1, postRequestedFor(urlPathEqualTo(HOOK)).withQueryParam("wait", equalTo("true"))
                .withRequestBody(containing("sample-report.pdf"))
                .withRequestBody(containing("s3-notify/send-test/sample-report.pdf")));
        assertThat(console.err()).contains("accepted the test message");
        assertThat(console.out() + console.err()).doesNotContain("secret-token-abc");
    }

    @Test
    void infersTheKindFromTheUrlAndTakesATemplate() {
        webhook.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));

        int exit = console.run(Map.of("WEBHOOK_URL", webhook.baseUrl() + "/hook"), "send-test", "--template",
                "{\"test\": \"{{fileName}}\"}");

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.json().get("kind").asText()).isEqualTo("generic");
        webhook.verify(1, postRequestedFor(urlPathEqualTo("/hook"))
                .withRequestBody(equalTo("{\"test\": \"sample-report.pdf\"}")));
    }

    @Test
    void exitsOneWithThePlatformsReasonWhenRefusedWithoutShowingTheToken() {
        webhook.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\": \"Invalid Webhook Token\", \"code\": 50027}")));

        int exit = console.run(Map.of("WEBHOOK_KIND", "discord", "WEBHOOK_URL", webhook.baseUrl() + HOOK),
                "send-test");

        assertThat(exit).isEqualTo(1);
        assertThat(console.json().get("delivered").asBoolean()).isFalse();
        assertThat(console.err()).contains("not delivered").contains("HTTP 401").contains("Invalid Webhook Token")
                .contains("localhost");
        assertThat(console.out() + console.err()).doesNotContain("secret-token-abc");
        webhook.verify(1, postRequestedFor(urlPathEqualTo(HOOK)));
    }

    @Test
    void explainsThatAWebhookIsNeeded() {
        int exit = console.run(Map.of("WEBHOOK_KIND", "discord"), "send-test");

        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains("  - WEBHOOK_URL is required").contains("WEBHOOK_URL_SECRET_ARN");
        assertThat(console.out()).isEmpty();
    }

    @Test
    void refusesWordsAndOptionsItDoesNotTake() {
        assertThat(console.run(Map.of(), "send-test", "now")).isEqualTo(2);
        assertThat(console.err()).contains("send-test takes no argument 'now'");
        assertThat(console.run(Map.of(), "send-test", "--event", "x.json")).isEqualTo(2);
        assertThat(console.err()).contains("unknown option '--event'")
                .contains("Run 's3notify send-test --help' for its options.").doesNotContain("usage:");
    }
}
