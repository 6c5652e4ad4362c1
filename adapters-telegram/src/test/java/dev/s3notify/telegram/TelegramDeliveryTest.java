package dev.s3notify.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.s3notify.core.Notification;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.dispatch.WebhookSender;
import dev.s3notify.core.pacing.RateBudgets;
import dev.s3notify.core.pacing.RateLimitedException;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.templates.DigestTemplate;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.spi.WebhookFormatter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Bot API over HTTP, through core's sender as the dispatcher sends: what Telegram accepts, its 429 with
 * {@code parameters.retry_after}, its refusals in its own words, and the bot token in none of it.
 */
class TelegramDeliveryTest {
    private static final String TOKEN = TelegramErrorsTest.TOKEN;
    private static final String PATH = "/bot" + TOKEN + "/sendMessage";
    private static final String ACCEPTED = "{\"ok\":true,\"result\":{\"message_id\":7,\"chat\":{\"id\":123456789,"
            + "\"type\":\"private\"},\"date\":1795367781,\"text\":\"Q3 report.pdf was uploaded\"}}";

    private WireMockServer server;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final WebhookFormatter formatter = Messages.formatter(Map.of("TELEGRAM_CHAT_ID", "123456789"));
    private final WebhookSender sender = WebhookSender.create(Duration.ofSeconds(5), 3)
            .pacedBy(RateBudgets.create(), Duration.ofSeconds(1));

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        Log.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        Log.redirect(System.err);
        server.stop();
    }

    private WebhookSender.Delivered send() {
        Destination destination = new Destination("telegram", "telegram", formatter,
                MessageTemplate.compile(Messages.PROVIDER.defaultTemplate(), "MESSAGE_TEMPLATE", formatter::escape),
                DigestTemplate.compile(Messages.PROVIDER.defaultDigestTemplate(), "DIGEST_TEMPLATE",
                        formatter::escapeDigest), Secret.of("http://127.0.0.1:" + server.port() + PATH));
        Notification notification = destination.notification(Messages.upload(), "evt-1");
        return sender.send(destination, destination.request(notification), notification,
                Instant.now().plusSeconds(30), formatter.rateLimit());
    }

    private void answer(int status, String body) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private void assertTokenNowhere(Throwable... errors) {
        String logged = log.toString(StandardCharsets.UTF_8);
        for (String secret : new String[] {TOKEN, TOKEN.substring(TOKEN.indexOf(':') + 1), "bot" + TOKEN}) {
            assertThat(logged).as("the log").doesNotContain(secret);
            for (Throwable error : errors) {
                assertThat(error.getMessage()).doesNotContain(secret);
                assertThat(error.toString()).doesNotContain(secret);
            }
        }
    }

    @Test
    void postsTheMessageToSendMessageAndIsAccepted() {
        answer(200, ACCEPTED);

        WebhookSender.Delivered delivered = send();

        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.attempts()).isEqualTo(1);
        server.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Content-Type",
                equalTo("application/json")));
        JsonNode body = Messages.json(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(body.path("chat_id").asLong()).isEqualTo(123456789L);
        assertThat(body.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(body.path("text").asText()).startsWith("📁 <b>Q3 report.pdf</b> was uploaded");
        assertThat(body.toString()).doesNotContain(TOKEN);
        assertTokenNowhere();
    }

    @Test
    void handsBackA429ForItsRetryAfterWithoutSleepingThroughIt() {
        answer(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 5\","
                + "\"parameters\":{\"retry_after\":5}}");

        RateLimitedException e = catchThrowableOfType(this::send, RateLimitedException.class);

        assertThat(e.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(e).hasMessageContaining("HTTP 429: Telegram error 429: Too Many Requests: retry after 5")
                .hasMessageContaining("longer than the 1000 ms waited inside an invocation");
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertTokenNowhere(e);
    }

    @Test
    void refusesForGoodWhenTheUserBlockedTheBotSayingWhy() {
        answer(403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");

        DeliveryException e = catchThrowableOfType(this::send, DeliveryException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.reason()).isEqualTo(FailureReason.AUTHENTICATION);
        assertThat(e).hasMessageContaining("Telegram error 403: Forbidden: bot was blocked by the user (the user"
                + " blocked the bot").hasMessageContaining("127.0.0.1");
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertTokenNowhere(e);
    }

    @Test
    void refusesForGoodAChatThatDoesNotExist() {
        answer(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");

        DeliveryException e = catchThrowableOfType(this::send, DeliveryException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.detail()).contains("Bad Request: chat not found (TELEGRAM_CHAT_ID names no chat");
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertTokenNowhere(e);
    }

    @Test
    void keepsTheTokenOutWhenTheServerEchoesTheUrl() {
        answer(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: POST " + PATH + " bot token "
                + TOKEN + "\"}");

        DeliveryException e = catchThrowableOfType(this::send, DeliveryException.class);

        assertThat(e.reason()).isEqualTo(FailureReason.GONE);
        assertThat(e).hasMessageContaining("Telegram error 404");
        assertTokenNowhere(e);
    }

    @Test
    void retriesAServerErrorAndIsThenAccepted() {
        server.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>"))
                .willSetStateTo("up"));
        server.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody(ACCEPTED)));

        WebhookSender.Delivered delivered = send();

        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("webhook attempt failed").contains("HTTP 502");
        assertTokenNowhere();
    }
}
