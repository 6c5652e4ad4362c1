package dev.s3notify.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.s3notify.cli.TestConsole.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real channel never gets links that cannot work, unless asked; a function that cannot start is configuration. */
class RunCredentialsTest {
    private final TestConsole console = new TestConsole();
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void refusesToPostPlaceholderSignedLinksWithoutAwsCredentials() {
        int exit = console.run(Map.of("WEBHOOK_KIND", "generic", "WEBHOOK_URL", server.baseUrl() + "/hook"), "run",
                "--event", example("eventbridge-object-created.json"));

        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains("no AWS credentials to sign links with")
                .contains("aws configure export-credentials").contains("LINK_KIND=public-url")
                .contains("--allow-broken-links");
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void postsThemWhenAskedExplicitly() {
        int exit = console.run(Map.of("WEBHOOK_KIND", "generic", "WEBHOOK_URL", server.baseUrl() + "/hook"), "run",
                "--event", example("eventbridge-object-created.json"), "--allow-broken-links");

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.err()).contains("no AWS credentials: links are signed with placeholder keys")
                .doesNotContain("dry run");
        server.verify(1, anyRequestedFor(urlPathEqualTo("/hook")));
    }

    @Test
    void needsNoCredentialsForPublicLinksAndDoesNotWarnOfPlaceholderKeys() {
        int exit = console.run(Map.of("WEBHOOK_KIND", "generic", "WEBHOOK_URL", server.baseUrl() + "/hook",
                "LINK_KIND", "public-url", "PUBLIC_BASE_URL", "https://cdn.example.com/"), "run", "--event",
                example("eventbridge-object-created.json"));

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.err()).doesNotContain("placeholder").doesNotContain("dry run");
        server.verify(1, anyRequestedFor(urlPathEqualTo("/hook")));
    }

    @Test
    void treatsASecretThatCannotBeReadAtStartUpAsConfigurationWithoutSayingNull() {
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(500)));
        Map<String, String> env = RunCommandTest.withCredentials("WEBHOOK_URL_SECRET_ARN",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:hook-AbCdEf", "AWS_ENDPOINT_URL",
                "http://127.0.0.1:1");

        assertThat(console.run(env, "run", "--event", example("eventbridge-object-created.json"))).isEqualTo(2);
        assertThat(console.err()).contains("s3notify: cannot start: Cannot read Secrets Manager secret")
                .contains("connection failed").doesNotContain("null");

        env.put("AWS_ENDPOINT_URL", server.baseUrl());
        assertThat(console.run(env, "send-test")).isEqualTo(2);
        assertThat(console.err()).contains("s3notify: cannot start:").doesNotContain("null");
    }
}
