package dev.s3notify.ntfy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.Notification;
import dev.s3notify.core.aws.AwsFixtures;
import dev.s3notify.core.config.KnownSecrets;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.dispatch.WebhookSender;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.pacing.RateLimitedException;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.templates.DigestTemplate;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.testing.LogCapture;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.testkit.LinkEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Publishing to an ntfy server played by WireMock, through core's one sender redacting what the dispatcher's
 * start-up collects from the environment: the access token must reach the server and nothing else.
 */
class NtfyDeliveryTest {
    private static final Map<String, String> ENV = Map.of("NTFY_TOPIC", NtfyEvents.TOPIC, "NTFY_ACCESS_TOKEN",
            NtfyEvents.TOKEN);

    private WireMockServer server;
    private final WebhookFormatter formatter = NtfyEvents.formatter(ENV);
    private final Notification notification = new Notification(LinkEvents.upload().build(),
            "Q3 report.pdf was uploaded to example-uploads (1.5 MB).", "evt-1");

    @BeforeEach
    void start() {
        server = AwsFixtures.startServer();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void publishesTheJsonToTheRootWithTheTokenAsBearer() {
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withBody("{\"id\":\"sPs71M8A2T\",\"time\":1733600000,\"event\":\"message\",\"topic\":\""
                        + NtfyEvents.TOPIC + "\",\"message\":\"Q3 report.pdf was uploaded\"}")));

        WebhookSender.Delivered delivered;
        try (LogCapture logs = new LogCapture()) {
            delivered = send(1);
            assertThat(logs.lines()).allSatisfy(line -> assertThat(line).doesNotContain(NtfyEvents.TOKEN));
        }

        assertThat(delivered.status()).isEqualTo(200);
        server.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("Authorization", equalTo("Bearer " + NtfyEvents.TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.topic", equalTo(NtfyEvents.TOPIC)))
                .withRequestBody(matchingJsonPath("$.actions[0].action", equalTo("view"))));
    }

    @Test
    void handsBackNtfysTooManyRequestsWithItsWords() {
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(429)
                .withBody("{\"code\":42901,\"http\":429,\"error\":\"limit reached: too many requests, please be"
                        + " nice\",\"link\":\"https://ntfy.sh/docs/publish/#limitations\"}")));

        RateLimitedException e = catchThrowableOfType(() -> send(1), RateLimitedException.class);

        assertThat(e).hasMessageContaining("HTTP 429").hasMessageContaining("ntfy: limit reached: too many requests")
                .hasMessageNotContaining(NtfyEvents.TOKEN);
        assertThat(e.retryAfter()).isPositive();
    }

    @Test
    void failsUnauthorizedWithNtfysWordsAndNeverTheTokenEvenWhenTheServerEchoesIt() {
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":40101,\"http\":401,\"error\":\"unauthorized, token " + NtfyEvents.TOKEN
                        + " for topic " + NtfyEvents.TOPIC + "\",\"link\":\"https://ntfy.sh/docs/publish/#authentication\"}")));

        DeliveryException e;
        try (LogCapture logs = new LogCapture()) {
            e = catchThrowableOfType(() -> send(2), DeliveryException.class);
            assertThat(logs.lines()).allSatisfy(line -> assertThat(line).doesNotContain(NtfyEvents.TOKEN)
                    .doesNotContain(NtfyEvents.TOPIC));
        }

        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining("HTTP 401").hasMessageContaining("ntfy: unauthorized")
                .hasMessageContaining("set NTFY_ACCESS_TOKEN").hasMessageNotContaining(NtfyEvents.TOKEN)
                .hasMessageNotContaining(NtfyEvents.TOPIC);
        assertThat(String.valueOf(e.detail())).doesNotContain(NtfyEvents.TOKEN);
        server.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    private WebhookSender.Delivered send(int attempts) {
        Destination destination = new Destination("ntfy", "ntfy", formatter,
                MessageTemplate.compile("{{fileName}}", "MESSAGE_TEMPLATE", formatter::escape),
                DigestTemplate.compile(NtfyEvents.PROVIDER.defaultDigestTemplate(), "DIGEST_TEMPLATE",
                        formatter::escapeDigest),
                Secret.of("http://127.0.0.1:" + server.port() + "/"));
        List<Secret> known = KnownSecrets.in(ENV, NtfyEvents.PROVIDER.variables());
        return WebhookSender.create(Duration.ofSeconds(5), attempts).redacting(known).send(destination,
                formatter.format(notification), notification, Instant.now().plusSeconds(60), formatter.rateLimit());
    }
}
