package dev.s3notify.googlechat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.s3notify.googlechat.ChatEvents.CHAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.Notification;
import dev.s3notify.core.aws.AwsFixtures;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.dispatch.WebhookSender;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.pacing.RateLimitedException;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.templates.DigestTemplate;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.spi.WebhookFormatter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Google's answers through core's own sender, as the dispatcher posts: accepted, rate limited with Google's error
 * JSON, refused. The webhook URL's key and token (both marked PLANTED) appear in no error and no log line.
 */
class GoogleChatDeliveryTest {
    private static final String KEY = "AIzaPLANTEDkey0123456789";
    private static final String TOKEN = "PLANTEDtoken-abcdef%3D";
    private static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void postsTheMessageIntoTheThreadAndCountsA200AsDelivered() {
        server.stubFor(post(urlPathEqualTo("/v1/spaces/ACCEPTS/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"spaces/ACCEPTS/messages/abc.abc\",\"thread\":{\"name\":\"spaces/ACCEPTS/threads/t\"}}")));
        WebhookFormatter formatter = ChatEvents.formatter(Map.of("GOOGLECHAT_THREAD_KEY", "uploads"));

        try (AwsFixtures.CapturedLog log = new AwsFixtures.CapturedLog()) {
            WebhookSender.Delivered delivered = send("ACCEPTS", formatter);

            assertThat(delivered.status()).isEqualTo(200);
            assertThat(delivered.attempts()).isEqualTo(1);
            assertThat(log.text()).doesNotContain("PLANTED", KEY, TOKEN);
        }
        server.verify(postRequestedFor(urlPathEqualTo("/v1/spaces/ACCEPTS/messages"))
                .withQueryParam("key", equalTo(KEY)).withQueryParam("token", equalTo("PLANTEDtoken-abcdef="))
                .withQueryParam("messageReplyOption", equalTo("REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"text\":\"*a.pdf* was uploaded to *example-uploads*. The link"
                        + " expires in 24 hours.\",\"thread\":{\"threadKey\":\"uploads\"}}", false, true)));
    }

    @Test
    void handsBackA429WithGooglesWordsAndNoCredential() {
        server.stubFor(post(urlPathEqualTo("/v1/spaces/BUSY/messages")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(GoogleChatErrorsTest.QUOTA)));

        try (AwsFixtures.CapturedLog log = new AwsFixtures.CapturedLog()) {
            RateLimitedException e = catchThrowableOfType(() -> send("BUSY", ChatEvents.PLAIN),
                    RateLimitedException.class);

            assertThat(e.getMessage()).contains("HTTP 429: Google Chat: RESOURCE_EXHAUSTED: Resource has been"
                    + " exhausted (e.g. check quota). (the space's write quota is used up");
            assertThat(e.retryAfter()).isPositive();
            for (String text : List.of(e.getMessage(), log.text())) {
                assertThat(text).doesNotContain("PLANTED", KEY, TOKEN);
            }
        }
    }

    @Test
    void failsARefusalWithGooglesWordsTheStatusAndNoCredential() {
        server.stubFor(post(urlPathEqualTo("/v1/spaces/GONE/messages")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("{\"error\":{\"code\":404,\"message\":\"Requested entity was not found: spaces/GONE,"
                        + " key " + KEY + " token " + TOKEN + "\",\"status\":\"NOT_FOUND\"}}")));

        try (AwsFixtures.CapturedLog log = new AwsFixtures.CapturedLog()) {
            DeliveryException e = catchThrowableOfType(() -> send("GONE", ChatEvents.PLAIN), DeliveryException.class);

            assertThat(e.status()).isEqualTo(404);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("webhook googlechat at localhost", "HTTP 404: Google Chat: NOT_FOUND:"
                    + " Requested entity was not found: spaces/GONE", "(the space or the webhook is gone");
            for (String text : List.of(e.getMessage(), e.detail(), log.text())) {
                assertThat(text).doesNotContain("PLANTED", KEY, TOKEN);
            }
        }
    }

    private static WebhookSender.Delivered send(String space, WebhookFormatter formatter) {
        Destination destination = new Destination("googlechat", CHAT.kind(), formatter,
                MessageTemplate.compile(CHAT.defaultTemplate(), "MESSAGE_TEMPLATE", formatter::escape),
                DigestTemplate.compile(CHAT.defaultDigestTemplate(), "DIGEST_TEMPLATE", formatter::escapeDigest),
                Secret.of(server.baseUrl() + "/v1/spaces/" + space + "/messages?key=" + KEY + "&token=" + TOKEN));
        Notification notification = destination.notification(ChatEvents.upload("uploads/a.pdf"), "evt-1");
        return WebhookSender.create(Duration.ofSeconds(5), 1).send(destination, destination.request(notification),
                notification, Instant.now().plusSeconds(30), formatter.rateLimit());
    }
}
