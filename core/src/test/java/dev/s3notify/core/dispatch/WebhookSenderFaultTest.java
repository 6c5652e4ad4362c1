package dev.s3notify.core.dispatch;

import static dev.s3notify.core.dispatch.RawWebhookServer.answer;
import static dev.s3notify.core.dispatch.RawWebhookServer.closeAfter;
import static dev.s3notify.core.dispatch.RawWebhookServer.hugeBody;
import static dev.s3notify.core.dispatch.RawWebhookServer.reset;
import static dev.s3notify.core.dispatch.RawWebhookServer.respond;
import static dev.s3notify.core.dispatch.RawWebhookServer.silence;
import static dev.s3notify.core.dispatch.RawWebhookServer.trickle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.aws.AwsFixtures;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.pacing.RateLimitedException;
import dev.s3notify.core.support.Backoff;
import dev.s3notify.core.support.Jitter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sender against a webhook that misbehaves at the socket level, in real time: each fault ends delivered once
 * or failed for retry, within its deadline. Elapsed bounds are generous (the machine is shared) but asserted.
 */
class WebhookSenderFaultTest {
    private static final String PATH = "/api/webhooks/31415926535897/Zq8-tOkEn_s3cr3t-AbCdEfGhIjKlMnOpQrStUvWxYz0";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final String NO_CONTENT = "HTTP/1.1 204 No Content\r\n\r\n";
    private final HttpTransport http = HttpTransport.create(null);

    static Stream<Arguments> faultsThenSuccess() {
        return Stream.of(
                Arguments.of("reset", reset(), "connection reset"),
                Arguments.of("closed before the status line", closeAfter(""),
                        "connection closed before a complete answer"),
                Arguments.of("closed in the status line", closeAfter("HTTP/1.1 50"),
                        "connection closed before a complete answer"),
                Arguments.of("not HTTP", closeAfter("SSH-2.0-OpenSSH_9.6\r\n\r\n"), "the answer was not valid HTTP"),
                Arguments.of("never answers", silence(), "no answer within 1000 ms"),
                Arguments.of("slow headers", trickle("HTTP/1.1 200 OK\r\n", "X-Slow: yes\r\n\r\n", 400),
                        "no answer within 1000 ms"),
                Arguments.of("HTML error page", respond(answer(502, "Content-Type: text/html\r\n",
                        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>p{}</style></head>"
                                + "<body><h1>Bad Gateway</h1><p>nginx</p></body></html>")),
                        "HTTP 502: an HTML page titled \"502 Bad Gateway\": Bad Gateway nginx"),
                Arguments.of("slow error body", trickle("HTTP/1.1 503 Busy\r\nContent-Length: 100\r\n\r\n",
                        "x".repeat(100), 2_500), "HTTP 503 (the rest of the answer did not come within 1000 ms)"),
                Arguments.of("huge error body", hugeBody(500, 100), "HTTP 500: xxxxxxxx"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultsThenSuccess")
    void deliversOnceWhenOneAttemptMeetsAFault(String name, RawWebhookServer.Behaviour fault, String words)
            throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(fault, respond(NO_CONTENT));
                AwsFixtures.CapturedLog log = new AwsFixtures.CapturedLog()) {
            long started = System.nanoTime();

            WebhookSender.Delivered delivered = send(server, 3, Duration.ofSeconds(20));

            assertThat(delivered.attempts()).isEqualTo(2);
            assertThat(server.requests()).isEqualTo(2);
            assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(6));
            assertThat(log.text()).contains("\"error\":\"" + words.replace("\"", "\\\"")).doesNotContain("Exception")
                    .doesNotContain("tOkEn");
        }
    }

    @Test
    void saysConnectionRefusedInWordsAndRetries() throws Exception {
        int closedPort = RawWebhookServer.closedPort();
        long started = System.nanoTime();

        DeliveryException e = catchThrowableOfType(() -> sender(TIMEOUT, 2).send(
                SenderFixtures.destination("http://127.0.0.1:" + closedPort + PATH), WebhookRequest.json("{}"),
                SenderFixtures.notification(), Instant.now().plusSeconds(20)), DeliveryException.class);

        assertThat(e).hasMessageContaining("after 2 attempts: connection refused (MAX_ATTEMPTS=2)")
                .hasMessageNotContaining("Exception");
        assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void countsA2xxAsDeliveredWithoutWaitingForASlowBody() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(
                trickle("HTTP/1.1 200 OK\r\nContent-Length: 60\r\n\r\n", "y".repeat(60), 1000))) {
            long started = System.nanoTime();

            WebhookSender.Delivered delivered = send(server, 3, Duration.ofSeconds(20));

            assertThat(delivered).extracting(WebhookSender.Delivered::status, WebhookSender.Delivered::attempts)
                    .containsExactly(200, 1);
            assertThat(server.requests()).isEqualTo(1);
            assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void readsAtMostAFewKilobytesOfAHugeErrorBody() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(hugeBody(400, 100))) {
            long started = System.nanoTime();

            DeliveryException e = catchThrowableOfType(() -> send(server, 3, Duration.ofSeconds(20)),
                    DeliveryException.class);

            assertThat(e).hasMessageContaining("after 1 attempt: HTTP 400: xxx").hasMessageContaining("…");
            assertThat(e.getMessage().length()).isLessThan(600);
            assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(3));
            Thread.sleep(300);
            assertThat(server.written()).as("bytes the server could write before the client hung up")
                    .isLessThan(20L * 1024 * 1024);
        }
    }

    @Test
    void failsForRetryWhenTheWebhookNeverAnswersWithinTheAttemptsAndTheirTimeouts() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(silence())) {
            long started = System.nanoTime();

            DeliveryException e = catchThrowableOfType(() -> send(server, 3, Duration.ofSeconds(20)),
                    DeliveryException.class);

            assertThat(e).isNotInstanceOf(RateLimitedException.class)
                    .hasMessageContaining("after 3 attempts: no answer within 1000 ms (MAX_ATTEMPTS=3)");
            assertThat(server.requests()).isEqualTo(3);
            // 3 timeouts of 1 s and at most 1.5 s of backoff.
            assertThat(elapsed(started)).isBetween(Duration.ofMillis(2900), Duration.ofSeconds(8));
        }
    }

    @Test
    void endsBySlowBodiesTimeoutsInsteadOfTheirLength() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(
                trickle("HTTP/1.1 503 Busy\r\nContent-Length: 3600\r\n\r\n", "z".repeat(3600), 1000))) {
            long started = System.nanoTime();

            DeliveryException e = catchThrowableOfType(() -> send(server, 2, Duration.ofSeconds(20)),
                    DeliveryException.class);

            assertThat(e).hasMessageContaining("after 2 attempts: HTTP 503");
            assertThat(elapsed(started)).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(6));
        }
    }

    @Test
    void neverOutlivesTheDeadlineWhateverTheTimeout() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(silence())) {
            WebhookSender sender = sender(Duration.ofSeconds(30), 4);
            long started = System.nanoTime();

            DeliveryException e = catchThrowableOfType(() -> sender.send(
                    SenderFixtures.destination(server.url(PATH)), WebhookRequest.json("{}"),
                    SenderFixtures.notification(), Instant.now().plusMillis(1500)), DeliveryException.class);

            assertThat(e).hasMessageContaining("deadline");
            assertThat(elapsed(started)).isBetween(Duration.ofMillis(1400), Duration.ofMillis(3500));
        }
    }

    @Test
    void failsForRetryAfter5xxForever() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond(answer(503, "", "upstream unavailable")))) {
            long started = System.nanoTime();

            DeliveryException e = catchThrowableOfType(() -> send(server, 4, Duration.ofSeconds(20)),
                    DeliveryException.class);

            assertThat(e).hasMessageContaining("after 4 attempts: HTTP 503: upstream unavailable (MAX_ATTEMPTS=4)");
            assertThat(server.requests()).isEqualTo(4);
            // Backoff ceilings 0.5 + 1 + 2 s.
            assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void neverFollowsARedirectToAnotherHost() throws Exception {
        try (RawWebhookServer elsewhere = new RawWebhookServer(respond(NO_CONTENT));
                RawWebhookServer server = new RawWebhookServer(respond(answer(307,
                        "Location: http://localhost:" + elsewhere.port() + "/steal?token=abc\r\n", "")))) {
            DeliveryException e = catchThrowableOfType(() -> send(server, 3, Duration.ofSeconds(20)),
                    DeliveryException.class);

            assertThat(e).hasMessageContaining("after 1 attempt: HTTP 307: redirected to localhost; not followed")
                    .hasMessageNotContaining("steal").hasMessageNotContaining("abc");
            assertThat(server.requests()).isEqualTo(1);
            assertThat(elsewhere.requests()).as("the other host never gets the body").isZero();
        }
    }

    @Test
    void saysA413IsTooLargeAndDoesNotRetryIt() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond(answer(413, "", "request entity too large")))) {
            DeliveryException e = catchThrowableOfType(() -> send(server, 3, Duration.ofSeconds(20)),
                    DeliveryException.class);

            assertThat(e).hasMessageContaining("after 1 attempt: HTTP 413: request entity too large (not retried:"
                    + " the platform found the message too large)");
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void handsBackAnAbsurdRetryAfterAtOnceWithAnHourAtMost() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond(answer(429,
                "Retry-After: 99999999999999\r\nContent-Type: application/json\r\n",
                "{\"retry_after\": 1e308, \"global\": true}")))) {
            long started = System.nanoTime();

            RateLimitedException e = catchThrowableOfType(() -> send(server, 4, Duration.ofSeconds(20)),
                    RateLimitedException.class);

            assertThat(e.retryAfter()).isBetween(Duration.ofHours(1), Duration.ofMinutes(90));
            assertThat(server.requests()).isEqualTo(1);
            assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void sendsNothingElseToAWebhookWhileItsBudgetIsPaused() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond(answer(429, "Retry-After: 30\r\n", "")))) {
            WebhookSender sender = sender(TIMEOUT, 4);
            catchThrowableOfType(() -> sender.send(SenderFixtures.destination(server.url(PATH)),
                    WebhookRequest.json("{}"), SenderFixtures.notification(), Instant.now().plusSeconds(20)),
                    RateLimitedException.class);

            RateLimitedException second = catchThrowableOfType(() -> sender.send(
                    SenderFixtures.destination(server.url(PATH)), WebhookRequest.json("{}"),
                    SenderFixtures.notification(), Instant.now().plusSeconds(20)), RateLimitedException.class);

            assertThat(second).hasMessageContaining("after 0 attempts: rate limited");
            assertThat(second.retryAfter()).isBetween(Duration.ofSeconds(28), Duration.ofSeconds(46));
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    private WebhookSender.Delivered send(RawWebhookServer server, int maxAttempts, Duration deadline) {
        return sender(TIMEOUT, maxAttempts).send(SenderFixtures.destination(server.url(PATH)),
                WebhookRequest.json("{\"content\":\"New file report.pdf\"}"), SenderFixtures.notification(),
                Instant.now().plus(deadline));
    }

    private WebhookSender sender(Duration timeout, int maxAttempts) {
        return new WebhookSender(http, timeout, maxAttempts, d -> Thread.sleep(d.toMillis()), Jitter.SHARED,
                Clock.systemUTC());
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
