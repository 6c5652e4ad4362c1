package dev.s3notify.core.dispatch;

import static dev.s3notify.core.dispatch.RawWebhookServer.answer;
import static dev.s3notify.core.dispatch.RawWebhookServer.closeAfter;
import static dev.s3notify.core.dispatch.RawWebhookServer.respond;
import static dev.s3notify.core.dispatch.RawWebhookServer.silence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import dev.s3notify.core.support.Jitter;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sender's own HTTP/1.1 client against loopback servers that misbehave on the wire, in real time: what it
 * writes, how it frames and bounds an answer, when it reuses a connection and when it must not, and TLS through a
 * test certificate.
 */
class WebhookSenderWireTest {
    private static final String PATH = "/api/webhooks/31415926535897/Zq8-tOkEn_s3cr3t-AbCdEfGhIjKlMnOpQrStUvWxYz0";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final String NO_CONTENT = "HTTP/1.1 204 No Content\r\n\r\n";
    private final HttpTransport transport = HttpTransport.create(null);

    @Test
    void writesThePostAndNothingItWasNotAskedFor() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond(NO_CONTENT))) {
            send(server, WebhookRequest.builder().body("{\"content\":\"é\"}").header("X-Signature", "sha256=abc")
                    .query(java.util.Map.of("wait", "true")).build(), 1);

            // X-Attempt-At is the test formatter's, set for each attempt; the formatter's fields come in any order.
            String[] lines = server.heads.get(0).split("\r\n", -1);
            assertThat(lines[0]).isEqualTo("POST " + PATH + "?wait=true HTTP/1.1");
            String[] fields = Arrays.copyOfRange(lines, 1, lines.length - 3);
            assertThat(Arrays.stream(fields).filter(field -> !field.startsWith("X-Attempt-At: ")))
                    .containsExactlyInAnyOrder("Host: 127.0.0.1:" + server.port(), "Content-Type: application/json",
                            "User-Agent: s3-notify", "X-Signature: sha256=abc");
            assertThat(fields).hasSize(5);
            assertThat(Arrays.copyOfRange(lines, lines.length - 3, lines.length)).containsExactly(
                    "Content-Length: 16", "", "");
            assertThat(server.bodies).containsExactly("{\"content\":\"é\"}");
        }
    }

    @Test
    void refusesAHeaderThatWouldStartAnotherOneAndSendsNothing() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond(NO_CONTENT))) {
            assertThatThrownBy(() -> send(server, WebhookRequest.json("{}").withHeader("X-Token",
                    "a\r\nX-Injected: yes"), 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("X-Token").hasMessageContaining("line break")
                    .hasMessageNotContaining("Injected");
            assertThatThrownBy(() -> send(server, WebhookRequest.json("{}").withHeader("Content-Length", "1"), 1))
                    .hasMessageContaining("cannot set the header \"content-length\"");
            assertThat(server.connections()).isZero();
        }
    }

    @Test
    void endsAnAnswerWhoseBodyNeverComesByTheAttemptsLimitAndSaysSo() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond(
                "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"mess"))) {
            long started = System.nanoTime();

            DeliveryException e = catchThrowableOfType(() -> send(server, WebhookRequest.json("{}"), 3),
                    DeliveryException.class);

            assertThat(e).hasMessageContaining("after 1 attempt: HTTP 404: {\"mess")
                    .hasMessageContaining("(the rest of the answer did not come within 1000 ms)");
            assertThat(e.reason()).isEqualTo(FailureReason.GONE);
            assertThat(elapsed(started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
        }
    }

    @Test
    void countsA2xxWhoseBodyNeverComesAsDeliveredByTheLimit() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"),
                respond(NO_CONTENT))) {
            long started = System.nanoTime();

            assertThat(send(server, WebhookRequest.json("{}"), 3).attempts()).isEqualTo(1);
            assertThat(elapsed(started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
            send(server, WebhookRequest.json("{}"), 1);
            assertThat(server.connections()).as("a connection cut short is not reused").isEqualTo(2);
        }
    }

    @Test
    void readsAtMostAFewKilobytesOfAnEndlessChunkedErrorBody() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(endless(
                "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n", true))) {
            long started = System.nanoTime();

            DeliveryException e = catchThrowableOfType(() -> send(server, WebhookRequest.json("{}"), 3),
                    DeliveryException.class);

            assertThat(e).hasMessageContaining("after 1 attempt: HTTP 400: yyyy").hasMessageContaining("…");
            assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(3));
            Thread.sleep(200);
            assertThat(server.written()).isLessThan(16L * 1024 * 1024);
        }
    }

    @Test
    void drainsAtMostSixtyFourKilobytesOfAnEndlessAcceptedBodyThenClosesIt() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(endless("HTTP/1.1 200 OK\r\n\r\n", false),
                respond(NO_CONTENT))) {
            long started = System.nanoTime();

            assertThat(send(server, WebhookRequest.json("{}"), 3).status()).isEqualTo(200);
            assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(3));
            send(server, WebhookRequest.json("{}"), 1);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void reportsARedirectOnTheSameHostWithoutFollowingIt() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond(answer(303, "Location: /moved?token=abc\r\n",
                "")), respond(NO_CONTENT))) {
            DeliveryException e = catchThrowableOfType(() -> send(server, WebhookRequest.json("{}"), 3),
                    DeliveryException.class);

            assertThat(e).hasMessageContaining("after 1 attempt: HTTP 303: redirected elsewhere on the same host;"
                    + " not followed").hasMessageNotContaining("abc");
            assertThat(e.reason()).isEqualTo(FailureReason.REDIRECTED);
            assertThat(server.requests()).isEqualTo(1);
            assertThat(server.heads).noneMatch(head -> head.contains("moved"));
        }
    }

    @ParameterizedTest
    @CsvSource({"'HTTP/1.1 200 OK\r\nContent-Le', connection closed before a complete answer",
            "'HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n', the answer was not valid HTTP",
            "'HTTP/1.1 2x0 OK\r\n\r\n', the answer was not valid HTTP"})
    void retriesAnAnswerCutShortOrMangledInItsHead(String partial, String words) throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(closeAfter(partial), respond(NO_CONTENT))) {
            DeliveryException e = catchThrowableOfType(() -> send(server, WebhookRequest.json("{}"), 1),
                    DeliveryException.class);

            assertThat(e).hasMessageContaining("after 1 attempt: " + words);
            assertThat(e.reason()).isEqualTo(FailureReason.CONNECTION);
            assertThat(send(server, WebhookRequest.json("{}"), 1).status()).isEqualTo(204);
        }
    }

    @Test
    void keepsWhatCameOfAnErrorBodyCutShortAndSaysItWasCut() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(closeAfter(
                "HTTP/1.1 503 Busy\r\nContent-Length: 50\r\n\r\nupstream gone"))) {
            DeliveryException e = catchThrowableOfType(() -> send(server, WebhookRequest.json("{}"), 1),
                    DeliveryException.class);

            assertThat(e).hasMessageContaining("after 1 attempt: HTTP 503: upstream gone (the rest of the answer"
                    + " was cut short: connection closed before a complete answer)");
            assertThat(e.reason()).isEqualTo(FailureReason.SERVER);
        }
    }

    @ParameterizedTest
    @CsvSource({"401, AUTHENTICATION, 50027, Invalid Webhook Token",
            "404, GONE, 10015, Unknown Webhook",
            "410, GONE, 10015, Webhook gone"})
    void readsAJsonRefusalToSayWhyItFailed(int status, FailureReason reason, int code, String message)
            throws Exception {
        String json = "{\"message\": \"" + message + "\", \"code\": " + code + ", \"padding\": \""
                + "p".repeat(10_000) + "\"}";
        try (RawWebhookServer server = new RawWebhookServer(respond(answer(status,
                "Content-Type: application/json\r\n", json)))) {
            DeliveryException e = catchThrowableOfType(() -> send(server, WebhookRequest.json("{}"), 3),
                    DeliveryException.class);

            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.detail()).startsWith("HTTP " + status + ": ").contains(message);
            assertThat(e.getMessage().length()).as("the body is bounded").isLessThan(700);
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void readsAChunkedAnswerWithExtensionsAndTrailersAndReusesItsConnection() throws Exception {
        String chunked = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "6;name=value\r\nempty \r\n7\r\nmessage\r\n0\r\nX-Trailer: yes\r\n\r\n";
        try (RawWebhookServer server = new RawWebhookServer(respond(chunked), respond(NO_CONTENT))) {
            DeliveryException e = catchThrowableOfType(() -> send(server, WebhookRequest.json("{}"), 3),
                    DeliveryException.class);
            send(server, WebhookRequest.json("{}"), 1);

            assertThat(e).hasMessageContaining("after 1 attempt: HTTP 400: empty message (not retried");
            assertThat(server.connections()).as("read to its end: the connection carries the next request")
                    .isEqualTo(1);
        }
    }

    @Test
    void sendsTheNextPostOnTheSameConnection() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond(answer(200, "", "{\"id\":\"1\"}")))) {
            for (int i = 0; i < 3; i++) {
                assertThat(send(server, WebhookRequest.json("{}"), 1).status()).isEqualTo(200);
            }

            assertThat(server.requests()).isEqualTo(3);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void readsAnAnswerFramedTwoWaysAsChunkedAndNeverReusesItsConnection() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"), respond(NO_CONTENT))) {
            assertThat(send(server, WebhookRequest.json("{}"), 1).status()).isEqualTo(200);
            assertThat(send(server, WebhookRequest.json("{}"), 1).status()).isEqualTo(204);

            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void neverReusesAConnectionTheServerSaidItWouldClose() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond("HTTP/1.1 204 No Content\r\nConnection: close"
                + "\r\n\r\n"))) {
            send(server, WebhookRequest.json("{}"), 1);
            send(server, WebhookRequest.json("{}"), 1);

            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void opensANewConnectionWhenTheKeptOneWasClosedByTheServerBeforeAnythingWasWritten() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer((socket, out) -> {
            respond(NO_CONTENT).answer(socket, out);
            socket.close();
        })) {
            assertThat(send(server, WebhookRequest.json("{}"), 1).attempts()).isEqualTo(1);
            Thread.sleep(100);

            assertThat(send(server, WebhookRequest.json("{}"), 1).attempts()).isEqualTo(1);
            assertThat(server.connections()).isEqualTo(2);
            assertThat(server.requests()).isEqualTo(2);
        }
    }

    @Test
    void neverWritesAPostAgainOnItsOwnOnceTheServerMayHaveReceivedIt() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond(NO_CONTENT), closeAfter(""))) {
            send(server, WebhookRequest.json("{}"), 1);

            DeliveryException e = catchThrowableOfType(() -> send(server, WebhookRequest.json("{}"), 1),
                    DeliveryException.class);

            assertThat(e).hasMessageContaining("after 1 attempt: connection closed before a complete answer");
            assertThat(server.requests()).as("the second post was received once, and not sent again").isEqualTo(2);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void postsOverTlsTrustingTheTestCertificateAndReusesTheConnection() throws Exception {
        HttpTransport tls = HttpTransport.create(TestTls.client());
        try (RawWebhookServer server = RawWebhookServer.tls(TestTls.server(), respond(NO_CONTENT))) {
            assertThat(send(tls, server.url(PATH), 1).status()).isEqualTo(204);
            assertThat(send(tls, server.url(PATH), 1).status()).isEqualTo(204);

            assertThat(server.requests()).isEqualTo(2);
            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.heads.get(0)).contains("Host: localhost:" + server.port() + "\r\n");
        }
    }

    @Test
    void opensANewTlsConnectionWhenTheServerClosedTheKeptOne() throws Exception {
        HttpTransport tls = HttpTransport.create(TestTls.client());
        try (RawWebhookServer server = RawWebhookServer.tls(TestTls.server(), (socket, out) -> {
            respond(NO_CONTENT).answer(socket, out);
            socket.close();
        })) {
            send(tls, server.url(PATH), 1);
            Thread.sleep(100);

            assertThat(send(tls, server.url(PATH), 1).attempts()).isEqualTo(1);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void refusesACertificateThatDoesNotNameTheHostOrIsNotTrusted() throws Exception {
        try (RawWebhookServer server = RawWebhookServer.tls(TestTls.server(), respond(NO_CONTENT))) {
            String byAddress = "https://127.0.0.1:" + server.port() + PATH;

            DeliveryException wrongName = catchThrowableOfType(() -> send(HttpTransport.create(TestTls.client()),
                    byAddress, 1), DeliveryException.class);
            DeliveryException untrusted = catchThrowableOfType(() -> send(HttpTransport.create(null),
                    server.url(PATH), 1), DeliveryException.class);

            assertThat(wrongName).hasMessageContaining("after 1 attempt: TLS handshake failed");
            assertThat(untrusted).hasMessageContaining("after 1 attempt: TLS handshake failed");
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void endsAHandshakeThatNeverCompletesByTheLimit() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(silence())) {
            long started = System.nanoTime();

            DeliveryException e = catchThrowableOfType(() -> send(HttpTransport.create(TestTls.client()),
                    "https://localhost:" + server.port() + PATH, 1), DeliveryException.class);

            assertThat(e).hasMessageContaining("after 1 attempt: no answer within 1000 ms");
            assertThat(elapsed(started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
        }
    }

    @Test
    void setsTlsUpOnlyForHttpsOrWhenAskedAhead() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(respond(NO_CONTENT))) {
            send(server, WebhookRequest.json("{}"), 1);
            assertThat(transport.tlsReady()).as("http needs no TLS").isFalse();

            transport.prepareTls();

            assertThat(transport.tlsReady()).isTrue();
        }
    }

    @Test
    void setsTheSharedTransportsTlsUpAheadForASnapshot() {
        WebhookSender.prepareTls();

        assertThat(HttpTransport.shared().tlsReady()).isTrue();
    }

    @Test
    void saysConnectionRefusedInWords() throws Exception {
        int closedPort = RawWebhookServer.closedPort();

        DeliveryException e = catchThrowableOfType(() -> send(transport, "https://127.0.0.1:" + closedPort + PATH,
                1), DeliveryException.class);

        assertThat(e).hasMessageEndingWith("after 1 attempt: connection refused (MAX_ATTEMPTS=1)");
        assertThat(e.reason()).isEqualTo(FailureReason.CONNECTION);
    }

    /** A head, then body bytes for as long as the client reads, chunked or until the connection closes. */
    private static RawWebhookServer.Behaviour endless(String head, boolean chunked) {
        return (socket, out) -> {
            OutputStream raw = out;
            raw.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] part = new byte[16 * 1024];
            Arrays.fill(part, (byte) 'y');
            byte[] size = (Integer.toHexString(part.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                while (true) {
                    if (chunked) {
                        raw.write(size);
                    }
                    raw.write(part);
                    if (chunked) {
                        raw.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
            } catch (SocketException e) {
                socket.close();
            }
        };
    }

    private WebhookSender.Delivered send(RawWebhookServer server, WebhookRequest request, int maxAttempts) {
        return sender(transport, maxAttempts).send(SenderFixtures.destination(server.url(PATH)), request,
                SenderFixtures.notification(), Instant.now().plusSeconds(20));
    }

    private static WebhookSender.Delivered send(HttpTransport over, String url, int maxAttempts) {
        return sender(over, maxAttempts).send(SenderFixtures.destination(url), WebhookRequest.json("{}"),
                SenderFixtures.notification(), Instant.now().plusSeconds(20));
    }

    private static WebhookSender sender(HttpTransport over, int maxAttempts) {
        return new WebhookSender(over, TIMEOUT, maxAttempts, d -> Thread.sleep(d.toMillis()), Jitter.SHARED,
                Clock.systemUTC());
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

}
