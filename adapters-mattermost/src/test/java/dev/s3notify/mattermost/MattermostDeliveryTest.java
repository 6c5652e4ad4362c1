package dev.s3notify.mattermost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.aws.AwsFixtures;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries to a Mattermost incoming webhook played by WireMock, through core's one sender. */
class MattermostDeliveryTest {
    private static final String HOOK_ID = "xuqopbzyp7ggxp8ymf5c4fzsqe";
    private static final String PATH = "/hooks/" + HOOK_ID;

    private WireMockServer server;
    private final WebhookFormatter formatter = MattermostEvents.formatter(Map.of("MATTERMOST_CHANNEL", "uploads"));
    private final Notification notification = new Notification(LinkEvents.upload().build(),
            ":file_folder: **Q3 report.pdf** was uploaded.", "evt-1");

    @BeforeEach
    void start() {
        server = AwsFixtures.startServer();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void deliversWhenMattermostAnswersOk() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
        WebhookRequest request = formatter.format(notification);

        WebhookSender.Delivered delivered = send(request);

        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.attempts()).isEqualTo(1);
        server.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(request.body())));
        assertThat(server.getAllServeEvents().get(0).getRequest().getBodyAsString())
                .contains("\"channel\":\"uploads\"", "\"title\":\"New file\"");
    }

    @Test
    void handsBackA429WithMattermostsRetryAfterWithoutSleepingThroughIt() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withHeader("X-RateLimit-Limit", "10").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", "30").withBody("limit exceeded\n")));

        RateLimitedException e = catchThrowableOfType(() -> send(formatter.format(notification)),
                RateLimitedException.class);

        assertThat(e.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(e).hasMessageContaining("HTTP 429").hasMessageNotContaining(HOOK_ID);
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void failsARefusalWithMattermostsOwnWordsAndNeverTheWebhookId() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"web.incoming_webhook.invalid.app_error\",\"message\":\"Invalid webhook.\","
                        + "\"detailed_error\":\"webhook_id=" + HOOK_ID + "\",\"request_id\":\"r1\","
                        + "\"status_code\":400}")));

        DeliveryException e;
        try (LogCapture logs = new LogCapture()) {
            e = catchThrowableOfType(() -> send(formatter.format(notification)), DeliveryException.class);
            assertThat(logs.lines()).allSatisfy(line -> assertThat(line).doesNotContain(HOOK_ID));
        }

        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining("HTTP 400").hasMessageContaining("Mattermost: Invalid webhook.")
                .hasMessageContaining("create a new one").hasMessageNotContaining(HOOK_ID);
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    private WebhookSender.Delivered send(WebhookRequest request) {
        Destination destination = new Destination("mattermost", "mattermost", formatter,
                MessageTemplate.compile("{{fileName}}", "MESSAGE_TEMPLATE", formatter::escape),
                DigestTemplate.compile(MattermostEvents.PROVIDER.defaultDigestTemplate(), "DIGEST_TEMPLATE",
                        formatter::escapeDigest),
                Secret.of("http://127.0.0.1:" + server.port() + PATH));
        return WebhookSender.create(Duration.ofSeconds(5), 2).send(destination, request, notification,
                Instant.now().plusSeconds(60), formatter.rateLimit());
    }
}
