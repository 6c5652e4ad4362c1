package dev.s3notify.core.links;

import static dev.s3notify.core.dispatch.RawWebhookServer.answer;
import static dev.s3notify.core.dispatch.RawWebhookServer.closeAfter;
import static dev.s3notify.core.dispatch.RawWebhookServer.hugeBody;
import static dev.s3notify.core.dispatch.RawWebhookServer.reset;
import static dev.s3notify.core.dispatch.RawWebhookServer.respond;
import static dev.s3notify.core.dispatch.RawWebhookServer.silence;
import static dev.s3notify.core.dispatch.RawWebhookServer.trickle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.s3notify.core.EventEntry;
import dev.s3notify.core.aws.AwsFixtures;
import dev.s3notify.core.aws.EventBridgeEvents;
import dev.s3notify.core.dispatch.RawWebhookServer;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.support.Backoff;
import dev.s3notify.core.support.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PutEvents, through the real SDK client and its url-connection HTTP client, against an endpoint that misbehaves at
 * the socket level ({@link RawWebhookServer}), in real time: each fault ends published once, or failed for retry with
 * a clear message, within the invocation's deadline. Elapsed bounds are generous (the machine is shared) but
 * asserted.
 */
class EventBridgePublisherFaultTest {
    private static final String SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    private static final String CREDENTIAL = "ASIAPLANTEDCREDENTIAL";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEPlantedSessionToken";
    private static final String LINK = "https://b.s3.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=" + CREDENTIAL + "%2F20261130%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261130T"
            + "155000Z&X-Amz-Expires=3600&X-Amz-Security-Token=" + TOKEN + "&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=" + SIGNATURE;
    private static final String JSON = "Content-Type: application/x-amz-json-1.1\r\n";
    private static final String PUBLISHED = answer(200, JSON, "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":"
            + "\"e1\"}]}");
    private static final Duration DEADLINE = Duration.ofSeconds(6);

    static Stream<Arguments> faultsThenSuccess() {
        return Stream.of(
                Arguments.of("reset", reset()),
                Arguments.of("closed before the status line", closeAfter("")),
                Arguments.of("closed mid-response", closeAfter("HTTP/1.1 200 OK\r\n" + JSON
                        + "Content-Length: 60\r\n\r\n{\"FailedEntryCount\":0,\"Ent")),
                Arguments.of("HTML error page", respond(answer(502, "Content-Type: text/html\r\n",
                        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"))),
                Arguments.of("503 with an absurd Retry-After", respond(answer(503,
                        "Retry-After: 99999999999999\r\n" + JSON, "{\"__type\":\"ServiceUnavailable\"}"))),
                Arguments.of("one transient entry failure", respond(answer(200, JSON, "{\"FailedEntryCount\":1,"
                        + "\"Entries\":[{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"try again\"}]}"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultsThenSuccess")
    void publishesOnceWhenOneAttemptMeetsAFault(String name, RawWebhookServer.Behaviour fault) throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(fault, respond(PUBLISHED))) {
            long started = System.nanoTime();

            publisher(server).publish(List.of(entry()), Instant.now().plus(Duration.ofSeconds(20)));

            assertThat(server.requests()).isEqualTo(2);
            assertThat(server.bodies).hasSize(2).allSatisfy(body -> assertThat(body).contains("report.pdf"));
            assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(6));
        }
    }

    static Stream<Arguments> faultsForever() {
        return Stream.of(
                Arguments.of("reset", reset(), "connection failed (Connection reset)"),
                Arguments.of("closed mid-response", closeAfter("HTTP/1.1 200 OK\r\n" + JSON
                        + "Content-Length: 60\r\n\r\n{\"FailedEntryCount\""), "the answer was cut short"),
                Arguments.of("never answers", silence(), "no answer in time"),
                Arguments.of("slow headers", trickle("HTTP/1.1 200 OK\r\n", JSON + "X-Slow: yes\r\n\r\n", 1000),
                        "no answer in time"),
                Arguments.of("slow body", trickle("HTTP/1.1 200 OK\r\n" + JSON + "Content-Length: 60\r\n\r\n",
                        "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e1\"}]}        ", 1000),
                        "no answer in time"),
                Arguments.of("HTML error page", respond(answer(502, "Content-Type: text/html\r\n",
                        "<!DOCTYPE html><html><body><h1>Bad Gateway</h1></body></html>")), "(HTTP 502)"),
                Arguments.of("5xx", respond(answer(500, JSON, "{\"__type\":\"InternalException\",\"message\":"
                        + "\"boom\"}")), "InternalException (HTTP 500): boom"),
                Arguments.of("absurd Retry-After", respond(answer(429, "Retry-After: 99999999999999\r\n" + JSON,
                        "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")),
                        "ThrottlingException (HTTP 429): Rate exceeded"),
                Arguments.of("413", respond(answer(413, "Content-Type: text/plain\r\n", "Request Entity Too Large")),
                        "(HTTP 413)"),
                Arguments.of("partial failures", respond(answer(200, JSON, "{\"FailedEntryCount\":1,\"Entries\":"
                        + "[{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"try again\"}]}")),
                        "InternalFailure: try again"),
                Arguments.of("an answer that accounts for nothing", respond(answer(200, JSON, "{}")), "NoResult"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultsForever")
    void failsForRetryWithinTheDeadlineWhenTheFaultPersists(String name, RawWebhookServer.Behaviour fault,
            String words) throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(fault);
                AwsFixtures.CapturedLog log = new AwsFixtures.CapturedLog()) {
            long started = System.nanoTime();

            DeliveryException e = catchThrowableOfType(() -> publisher(server).publish(List.of(entry()),
                    Instant.now().plus(DEADLINE)), DeliveryException.class);

            assertThat(e).as(name).isNotNull().hasMessageContaining("1 of 1 entries unpublished")
                    .hasMessageContaining(words);
            assertThat(e.getMessage()).as("no Java class names")
                    .doesNotContainPattern("\\w+Exception[:)]|java\\.|awssdk");
            assertThat(server.requests()).isPositive();
            assertThat(elapsed(started)).isLessThan(DEADLINE.plusSeconds(2));
            assertThat(e.getMessage() + log.text()).doesNotContain(SIGNATURE).doesNotContain(TOKEN);
        }
    }

    @Test
    void readsAtMostAFewKilobytesOfAHundredMegabyteErrorBody() throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(hugeBody(500, 100))) {
            long started = System.nanoTime();

            DeliveryException e = catchThrowableOfType(() -> publisher(server).publish(List.of(entry()),
                    Instant.now().plus(DEADLINE)), DeliveryException.class);

            assertThat(e).hasMessageContaining("(HTTP 500)");
            assertThat(e.getMessage().length()).isLessThan(1000);
            assertThat(elapsed(started)).isLessThan(DEADLINE.plusSeconds(2));
            Thread.sleep(300);
            assertThat(server.written()).as("bytes the server could write before the client hung up")
                    .isLessThan(20L * 1024 * 1024 * server.requests());
        }
    }

    @Test
    void neverQuotesThePresignedLinkAValidationExceptionEchoes() throws Exception {
        String message = "1 validation error detected: Value '{\"url\":\"" + LINK + "\"}' at 'entries.1.member.detail'"
                + " failed to satisfy constraint";
        try (RawWebhookServer server = new RawWebhookServer(respond(answer(400, JSON,
                "{\"__type\":\"ValidationException\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}")));
                AwsFixtures.CapturedLog log = new AwsFixtures.CapturedLog()) {
            DeliveryException e = catchThrowableOfType(() -> publisher(server).publish(List.of(entry()),
                    Instant.now().plus(DEADLINE)), DeliveryException.class);

            assertThat(e).hasMessageContaining("ValidationException (HTTP 400): 1 validation error detected");
            assertThat(server.requests()).as("a 400 is not retried").isEqualTo(1);
            assertThat(e.getMessage() + "\n" + log.text()).doesNotContain(SIGNATURE).doesNotContain(CREDENTIAL)
                    .doesNotContain(TOKEN);
        }
    }

    private static EventBridgePublisher publisher(RawWebhookServer server) {
        return new EventBridgePublisher(EventBridgeEvents.create(AwsFixtures.session(),
                URI.create(server.url(""))), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 4,
                        Sleeper.THREAD, AwsFixtures.fraction(0.5)));
    }

    private static EventEntry entry() {
        return new EventEntry("s3-link-generator", "file-link-generated", "links", "{\"key\":\"report.pdf\",\"url\":\""
                + LINK.replace("\"", "") + "\"}", List.of("arn:aws:s3:::b/report.pdf"), "evt-1 report.pdf");
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
