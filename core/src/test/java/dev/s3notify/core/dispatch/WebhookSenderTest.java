package dev.s3notify.core.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.aws.AwsFixtures;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.pacing.RateBudgets;
import dev.s3notify.core.pacing.RateLimitedException;
import dev.s3notify.core.support.Jitter;
import dev.s3notify.core.support.Sleeper;
import dev.s3notify.core.testing.TestFormatters;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.WebhookFormatter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSenderTest {
    private static final String WEBHOOK_ID = "31415926535897";
    private static final String TOKEN = "Zq8-tOkEn_s3cr3t-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    private static final String PATH = "/api/webhooks/" + WEBHOOK_ID + "/" + TOKEN;
    private static final String BODY = "{\"content\":\"New file report.pdf\"}";
    private static final Instant START = Instant.parse("2024-05-01T12:00:00Z");
    private static final Instant FAR = START.plus(Duration.ofHours(1));
    private static final String DISCORD_EMPTY = "{\"code\":50006,\"message\":\"Cannot send an empty message\"}";

    private WireMockServer server;
    private final HttpTransport http = HttpTransport.create(null);
    private final MutableClock clock = new MutableClock(START);
    private final List<Duration> pauses = new ArrayList<>();
    private final Sleeper pause = duration -> {
        pauses.add(duration);
        clock.advance(duration);
    };
    private Draws draws = new Draws(0.25);

    @BeforeEach
    void start() {
        server = AwsFixtures.startServer();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 202, 204})
    void deliversOn2xxAfterOneRequest(int status) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)));

        WebhookSender.Delivered delivered = send(WebhookRequest.json(BODY), FAR);

        assertThat(delivered).isEqualTo(new WebhookSender.Delivered(status, 1, Duration.ZERO));
        server.verify(1, postRequestedFor(anyUrl()));
        assertThat(pauses).isEmpty();
    }

    @Test
    void waitsForAShortRetryAfterWithJitterOn429() {
        respondInTurn(aResponse().withStatus(429).withHeader("Retry-After", "1"), aResponse().withStatus(204));

        WebhookSender.Delivered delivered = send(WebhookRequest.json(BODY), FAR);

        assertThat(delivered).isEqualTo(new WebhookSender.Delivered(204, 2, Duration.ofMillis(1025)));
        assertThat(pauses).containsExactly(Duration.ofMillis(1025));
        assertThat(draws.bounds).as("jitter of at most 100 ms on top of the platform's wait").containsExactly(101L);
        server.verify(2, postRequestedFor(anyUrl()));
    }

    @Test
    void handsBackA429WhoseRetryAfterIsLongerThanAShortWaitWithoutSleeping() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));

        RateLimitedException e = catchThrowableOfType(() -> send(WebhookRequest.json(BODY), FAR),
                RateLimitedException.class);

        assertThat(e).hasMessageContaining("after 1 attempt: HTTP 429; rate limited")
                .hasMessageContaining("next request in 2000 ms, longer than the 1000 ms waited inside an invocation");
        assertThat(draws.bounds).as("jitter of at least 1 s on top").containsExactly(1001L);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(2250));
        assertThat(e.retryAfterSeconds()).isEqualTo(3);
        assertThat(pauses).isEmpty();
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void waitsForDiscordsRetryAfterInTheBody() {
        respondInTurn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"You are being rate limited.\",\"retry_after\": 0.35, \"global\": false}"),
                aResponse().withStatus(204));

        send(WebhookRequest.json(BODY), FAR);

        assertThat(pauses).containsExactly(Duration.ofMillis(375));
    }

    @Test
    void roundsFractionalRetryAfterUpToTheMillisecond() {
        respondInTurn(aResponse().withStatus(429).withHeader("Retry-After", "0.507"), aResponse().withStatus(204));

        send(WebhookRequest.json(BODY), FAR);

        assertThat(pauses).containsExactly(Duration.ofMillis(507 + 25));
    }

    @Test
    void readsRetryAfterGivenAsAnHttpDate() {
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(START.plusSeconds(3).atOffset(ZoneOffset.UTC));
        respondInTurn(aResponse().withStatus(429).withHeader("Retry-After", inThreeSeconds),
                aResponse().withStatus(204));

        sender(Duration.ofSeconds(5), 4).pacedBy(RateBudgets.create(), Duration.ofSeconds(5))
                .send(destination(PATH), WebhookRequest.json(BODY), notification(), FAR);

        assertThat(pauses).containsExactly(Duration.ofMillis(3025));
    }

    @Test
    void backsOffWhenA429SaysNotHowLong() {
        respondInTurn(aResponse().withStatus(429).withBody("slow down"), aResponse().withStatus(204));

        send(WebhookRequest.json(BODY), FAR);

        assertThat(draws.bounds).as("backoff from [0, 500] ms, then slot jitter").containsExactly(501L, 101L);
        assertThat(pauses).containsExactly(Duration.ofMillis(125 + 25));
    }

    @Test
    void backsOffWithFullJitterAfterA500() {
        respondInTurn(aResponse().withStatus(500), aResponse().withStatus(200));

        WebhookSender.Delivered delivered = send(WebhookRequest.json(BODY), FAR);

        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(draws.bounds).as("a draw from [0, 500] ms").containsExactly(501L);
        assertThat(pauses).containsExactly(Duration.ofMillis(125));
    }

    @Test
    void failsAfterMaxAttemptsWithGrowingBackoffCeilings() {
        draws = new Draws(1.0);
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withBody("upstream unavailable")));

        DeliveryException e = catchThrowableOfType(() -> send(WebhookRequest.json(BODY), FAR),
                DeliveryException.class);

        assertThat(e).hasMessageContaining("after 4 attempts").hasMessageContaining("HTTP 503: upstream unavailable")
                .hasMessageContaining("MAX_ATTEMPTS=4");
        assertThat(draws.bounds).containsExactly(501L, 1001L, 2001L);
        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
        server.verify(4, postRequestedFor(anyUrl()));
    }

    @Test
    void capsTheBackoffCeilingAtTenSeconds() {
        draws = new Draws(1.0);
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> sender(Duration.ofSeconds(5), 8).send(destination(PATH), WebhookRequest.json(BODY),
                notification(), FAR)).isInstanceOf(DeliveryException.class);

        assertThat(pauses).extracting(Duration::toMillis).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 10_000L,
                10_000L);
    }

    @Test
    void failsAtOnceOn400WithThePlatformsExplanationAndOnlyTheHost() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(DISCORD_EMPTY)));

        DeliveryException e = catchThrowableOfType(() -> send(WebhookRequest.json(BODY), FAR),
                DeliveryException.class);

        assertThat(e).hasMessageContaining("HTTP 400: Discord error 50006: Cannot send an empty message")
                .hasMessageContaining("webhook chat at 127.0.0.1").hasMessageContaining("after 1 attempt:")
                .hasMessageContaining("evt-1").hasMessageContaining("s3://uploads/reports/report.pdf")
                .hasMessageNotContaining(TOKEN).hasMessageNotContaining(WEBHOOK_ID).hasMessageNotContaining("/api/");
        server.verify(1, postRequestedFor(anyUrl()));
        assertThat(pauses).isEmpty();
    }

    @Test
    void failsAtOnceWhenTheWebhookWasDeleted() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\": \"Unknown Webhook\", \"code\": 10015}")));

        assertThatThrownBy(() -> send(WebhookRequest.json(BODY), FAR)).isInstanceOf(DeliveryException.class)
                .hasMessageContaining("HTTP 404: Discord error 10015: Unknown Webhook")
                .hasMessageContaining("not retried");
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 401, 403, 410, 413, 422})
    void failsAtOnceOnOtherRefusals(int status) {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)));

        assertThatThrownBy(() -> send(WebhookRequest.json(BODY), FAR)).isInstanceOf(DeliveryException.class)
                .hasMessageContaining("HTTP " + status);
        server.verify(1, postRequestedFor(anyUrl()));
        assertThat(pauses).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"301, REDIRECTED", "400, PAYLOAD_REFUSED", "401, AUTHENTICATION", "403, AUTHENTICATION",
            "404, GONE", "410, GONE", "413, PAYLOAD_REFUSED", "422, CLIENT_ERROR"})
    void saysWhyARefusalFailedWithTheStatusAndThePlatformsWords(int status, FailureReason reason) {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status).withBody("no " + TOKEN)));

        DeliveryException e = catchThrowableOfType(() -> send(WebhookRequest.json(BODY), FAR),
                DeliveryException.class);

        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.retryable()).isEqualTo(reason.retryable());
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.detail()).startsWith("HTTP " + status).doesNotContain(TOKEN);
    }

    @Test
    void saysAServerErrorCanBeRetried() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withBody("upstream unavailable")));

        DeliveryException e = catchThrowableOfType(() -> send(WebhookRequest.json(BODY), FAR),
                DeliveryException.class);

        assertThat(e.reason()).isEqualTo(FailureReason.SERVER);
        assertThat(e.retryable()).isTrue();
        assertThat(e.detail()).isEqualTo("HTTP 503: upstream unavailable");
    }

    @Test
    void saysADroppedConnectionCanBeRetried() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        DeliveryException e = catchThrowableOfType(() -> send(WebhookRequest.json(BODY), FAR),
                DeliveryException.class);

        assertThat(e.reason()).isEqualTo(FailureReason.CONNECTION);
        assertThat(e.status()).isZero();
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void retriesA408() {
        respondInTurn(aResponse().withStatus(408), aResponse().withStatus(204));

        WebhookSender.Delivered delivered = send(WebhookRequest.json(BODY), FAR);

        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(pauses).containsExactly(Duration.ofMillis(125));
    }

    @Test
    void retriesAfterATimeout() {
        respondInTurn(aResponse().withStatus(204).withFixedDelay(2000), aResponse().withStatus(204));

        String log;
        WebhookSender.Delivered delivered;
        try (AwsFixtures.CapturedLog captured = new AwsFixtures.CapturedLog()) {
            delivered = sender(Duration.ofMillis(300), 4).send(destination(PATH), WebhookRequest.json(BODY),
                    notification(), FAR);
            log = captured.text();
        }

        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(pauses).containsExactly(Duration.ofMillis(125));
        assertThat(log).contains("no answer within 300 ms").contains("\"attempt\":1");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void retriesAfterADroppedConnection(Fault fault) {
        respondInTurn(aResponse().withFault(fault), aResponse().withStatus(204));

        WebhookSender.Delivered delivered = send(WebhookRequest.json(BODY), FAR);

        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(pauses).containsExactly(Duration.ofMillis(125));
        server.verify(2, postRequestedFor(anyUrl()));
    }

    @Test
    void handsBackWithoutWaitingWhenAShortRetryAfterPassesTheDeadline() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0.8")));

        assertThatThrownBy(() -> send(WebhookRequest.json(BODY), START.plusMillis(500)))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("HTTP 429")
                .hasMessageContaining("next request in 800 ms, after the Lambda deadline");
        assertThat(pauses).isEmpty();
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void failsWithoutWaitingWhenTheNextBackoffPassesTheDeadline() {
        draws = new Draws(1.0);
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> send(WebhookRequest.json(BODY), START.plusMillis(1200)))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("after 2 attempts")
                .hasMessageContaining("due in 1000 ms, would be after the Lambda deadline");
        assertThat(pauses).containsExactly(Duration.ofMillis(500));
        server.verify(2, postRequestedFor(anyUrl()));
    }

    @Test
    void failsWhenTheDeadlineIsReachedDuringTheWait() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

        assertThatThrownBy(() -> send(WebhookRequest.json(BODY), START.plusSeconds(1)))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("after 1 attempt: HTTP 429")
                .hasMessageContaining("the Lambda deadline was reached");
        assertThat(pauses).as("the jitter is cut to the deadline").containsExactly(Duration.ofSeconds(1));
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void makesNoRequestOnceTheDeadlineHasPassed() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));

        assertThatThrownBy(() -> send(WebhookRequest.json(BODY), START)).isInstanceOf(DeliveryException.class)
                .hasMessageContaining("after 0 attempts").hasMessageContaining("deadline");
        server.verify(0, postRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e30", "9223372036854775807", "Fri, 31 Dec 9999 23:59:59 GMT", "1e999999999"})
    void clampsAnAbsurdRetryAfterToAnHourAndHandsItBack(String retryAfter) {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", retryAfter)));

        long started = System.nanoTime();
        RateLimitedException e = catchThrowableOfType(() -> send(WebhookRequest.json(BODY), FAR),
                RateLimitedException.class);

        assertThat(e.retryAfter()).isBetween(Duration.ofHours(1), Duration.ofMinutes(90));
        assertThat(pauses).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"retry_after\": -18446744073709551.616}", "{\"retry_after\": \"soon\"}"})
    void backsOffWhenDiscordsRetryAfterIsNegativeOrNotANumber(String body) {
        respondInTurn(aResponse().withStatus(429).withHeader("Retry-After", "-5").withBody(body),
                aResponse().withStatus(204));

        WebhookSender.Delivered delivered = send(WebhookRequest.json(BODY), FAR);

        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(pauses).containsExactly(Duration.ofMillis(125 + 25));
    }

    @Test
    void ignoresARetryAfterDateInThePast() {
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(START.minusSeconds(600).atOffset(ZoneOffset.UTC));
        respondInTurn(aResponse().withStatus(429).withHeader("Retry-After", past), aResponse().withStatus(204));

        send(WebhookRequest.json(BODY), FAR);

        assertThat(pauses).as("backoff, as if no wait were given").containsExactly(Duration.ofMillis(125 + 25));
    }

    @Test
    void shortensTheRequestTimeoutToTheDeadline() {
        draws = new Draws(1.0);
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204).withFixedDelay(3000)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> sender(Duration.ofSeconds(10), 4).send(destination(PATH),
                WebhookRequest.json(BODY), notification(), START.plusMillis(300)))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("no answer within 300 ms")
                .hasMessageContaining("deadline");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of(PATH, Map.of("wait", "true", "thread_id", "42"), PATH + "?thread_id=42&wait=true"),
                Arguments.of(PATH + "?existing=1", Map.of("wait", "true", "thread_id", "42"),
                        PATH + "?existing=1&thread_id=42&wait=true"),
                Arguments.of(PATH + "?thread_id=7&x=y", Map.of("thread_id", "42"), PATH + "?x=y&thread_id=42"),
                Arguments.of(PATH + "?", Map.of("wait", "true"), PATH + "?wait=true"),
                Arguments.of(PATH, Map.of("name", "a b&c/é"), PATH + "?name=a%20b%26c%2F%C3%A9"),
                Arguments.of(PATH + "?existing=1", Map.of(), PATH + "?existing=1"));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void addsTheFormattersQueryParametersToTheWebhookUrl(String webhookPath, Map<String, String> query,
            String expected) {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));

        sender(Duration.ofSeconds(5), 4).send(destination(webhookPath),
                WebhookRequest.builder().body(BODY).query(query).build(), notification(), FAR);

        assertThat(requests()).extracting(LoggedRequest::getUrl).containsExactly(expected);
    }

    @Test
    void keepsTheExistingQueryAndFragmentIntact() {
        assertThat(WebhookUrls.withQuery(URI.create("https://hooks.test/p?a=1#frag"), Map.of("b", "2")))
                .hasToString("https://hooks.test/p?a=1&b=2#frag");
        assertThat(WebhookUrls.withQuery(URI.create("https://hooks.test/p#frag"), Map.of("b", "2")))
                .hasToString("https://hooks.test/p?b=2#frag");
        assertThat(WebhookUrls.withQuery(URI.create("https://hooks.test/p?next=/x?y#f?g"), Map.of("b", "2")))
                .hasToString("https://hooks.test/p?next=/x?y&b=2#f?g");
    }

    @Test
    void sendsTheBodyContentTypeAndHeadersAsFormatted() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
        String body = "{\"content\":\"Zoë’s “report” 📄.pdf\"}";

        send(WebhookRequest.builder().body(body).contentType("application/json; charset=utf-8")
                .headers(Map.of("X-Signature", "sha256=abc", "Idempotency-Key", "evt-1")).build(), FAR);

        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withHeader("X-Signature", equalTo("sha256=abc"))
                .withHeader("Idempotency-Key", equalTo("evt-1"))
                .withHeader("User-Agent", equalTo("s3-notify")));
        assertThat(requests().get(0).getBody()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void letsTheFormatterReplaceTheUserAgent() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));

        send(WebhookRequest.builder().body(BODY).header("User-Agent", "plugin/1.0").build(), FAR);

        assertThat(requests().get(0).getHeaders().getHeader("User-Agent").values()).containsExactly("plugin/1.0");
    }

    @Test
    void preparesEachAttemptAtItsOwnTime() {
        draws = new Draws(1.0);
        respondInTurn(aResponse().withStatus(500), aResponse().withStatus(429).withHeader("Retry-After", "1"),
                aResponse().withStatus(204));

        send(WebhookRequest.json(BODY), FAR);

        assertThat(requests()).extracting(r -> r.getHeaders().getHeader("X-Attempt-At").values())
                .containsExactly(List.of("2024-05-01T12:00:00Z"), List.of("2024-05-01T12:00:00.500Z"),
                        List.of("2024-05-01T12:00:01.600Z"));
        assertThat(requests()).extracting(LoggedRequest::getBodyAsString).containsOnly(BODY);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("400", aResponse().withStatus(400).withBody(DISCORD_EMPTY)),
                Arguments.of("404 echoing the path", aResponse().withStatus(404)
                        .withBody("Cannot POST " + PATH + "?wait=true\nmore")),
                Arguments.of("401 echoing the token", aResponse().withStatus(401)
                        .withBody("invalid token " + TOKEN)),
                Arguments.of("503", aResponse().withStatus(503).withBody("<html>busy</html>")),
                Arguments.of("reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                Arguments.of("429 past the deadline", aResponse().withStatus(429).withHeader("Retry-After", "7200")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void neverShowsTheWebhookPathInErrorsOrLogs(String name, ResponseDefinitionBuilder response) {
        server.stubFor(post(anyUrl()).willReturn(response));

        String log;
        S3NotifyException e;
        try (AwsFixtures.CapturedLog captured = new AwsFixtures.CapturedLog()) {
            // A 429 handed back is a RateLimitedException: a deferral, not a DeliveryException.
            e = catchThrowableOfType(() -> send(WebhookRequest.json(BODY), FAR), S3NotifyException.class);
            log = captured.text();
        }

        assertThat(e).hasMessageContaining("127.0.0.1");
        for (String text : List.of(e.getMessage(), log, String.valueOf(e.getCause()))) {
            assertThat(text).doesNotContain(TOKEN).doesNotContain(WEBHOOK_ID).doesNotContain("/api/webhooks");
        }
    }

    @Test
    void releasesTheSlotOfAnAttemptThatFailedBeforeItsRequest() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
        WebhookSender sender = sender(Duration.ofSeconds(5), 4).pacedBy(RateBudgets.create(), Duration.ofSeconds(1));
        RateLimit oneInHalfASecond = RateLimit.of(1, Duration.ofMillis(500));
        TestFormatters.Chat failing = new TestFormatters.Chat() {
            @Override
            public WebhookFormatter create(FormatterContext context) {
                WebhookFormatter chat = super.create(context);
                return new WebhookFormatter() {
                    @Override
                    public WebhookRequest format(Notification notification) {
                        return chat.format(notification);
                    }

                    @Override
                    public Optional<WebhookRequest> formatDigest(Digest digest) {
                        return chat.formatDigest(digest);
                    }

                    @Override
                    public RateLimit rateLimit() {
                        return chat.rateLimit();
                    }

                    @Override
                    public WebhookRequest prepareAttempt(WebhookRequest request, Instant now) {
                        throw new IllegalStateException("signing failed");
                    }
                };
            }
        };
        String url = "http://127.0.0.1:" + server.port() + PATH;
        assertThatThrownBy(() -> sender.send(SenderFixtures.destination(url, failing), WebhookRequest.json(BODY),
                notification(), FAR, oneInHalfASecond)).hasMessage("signing failed");

        clock.advance(Duration.ofMillis(600));
        sender.send(SenderFixtures.destination(url), WebhookRequest.json(BODY), notification(), FAR,
                oneInHalfASecond);

        assertThat(pauses).as("the failed attempt's slot counts from when it failed, not for ever").isEmpty();
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void stopsWhenInterruptedWhileWaiting() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
        WebhookSender sender = new WebhookSender(http, Duration.ofSeconds(5), 4, d -> {
            throw new InterruptedException();
        }, draws, clock);

        assertThatThrownBy(() -> sender.send(destination(PATH), WebhookRequest.json(BODY), notification(), FAR))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("interrupted");
        assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        server.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void triesOnceWhenMaxAttemptsIsOne() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> sender(Duration.ofSeconds(5), 1).send(destination(PATH), WebhookRequest.json(BODY),
                notification(), FAR)).hasMessageContaining("after 1 attempt: HTTP 503 (MAX_ATTEMPTS=1)");
        server.verify(1, postRequestedFor(anyUrl()));
        assertThat(pauses).isEmpty();
    }

    private WebhookSender.Delivered send(WebhookRequest request, Instant deadline) {
        return sender(Duration.ofSeconds(5), 4).send(destination(PATH), request, notification(), deadline);
    }

    private WebhookSender sender(Duration timeout, int maxAttempts) {
        return new WebhookSender(http, timeout, maxAttempts, pause, draws, clock);
    }

    private Destination destination(String pathAndQuery) {
        return SenderFixtures.destination("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private static Notification notification() {
        return SenderFixtures.notification();
    }

    /** Answers with each response in turn, then keeps answering with the last. */
    private void respondInTurn(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "answer " + i;
            var stub = post(anyUrl()).inScenario("in turn").whenScenarioStateIs(state).willReturn(responses[i]);
            server.stubFor(i + 1 < responses.length ? stub.willSetStateTo("answer " + (i + 1)) : stub);
        }
    }

    /** The requests received, oldest first. */
    private List<LoggedRequest> requests() {
        List<LoggedRequest> newestFirst = server.getAllServeEvents().stream().map(ServeEvent::getRequest).toList();
        List<LoggedRequest> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** A clock that moves only when the sender pauses. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Jitter under control: each draw is the given fraction of its bound, and the bounds are recorded. */
    static final class Draws implements RandomGenerator {
        final List<Long> bounds = new ArrayList<>();
        private final double fraction;

        Draws(double fraction) {
            this.fraction = fraction;
        }

        @Override
        public long nextLong(long bound) {
            bounds.add(bound);
            return Math.min(bound - 1, (long) Math.floor(bound * fraction));
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("the sender draws with a bound");
        }
    }
}
