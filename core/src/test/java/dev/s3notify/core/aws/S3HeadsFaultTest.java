package dev.s3notify.core.aws;

import static dev.s3notify.core.dispatch.RawWebhookServer.answer;
import static dev.s3notify.core.dispatch.RawWebhookServer.closeAfter;
import static dev.s3notify.core.dispatch.RawWebhookServer.reset;
import static dev.s3notify.core.dispatch.RawWebhookServer.respond;
import static dev.s3notify.core.dispatch.RawWebhookServer.silence;
import static dev.s3notify.core.dispatch.RawWebhookServer.trickle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.s3notify.core.dispatch.RawWebhookServer;
import dev.s3notify.core.error.S3NotifyException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HeadObject, through the real SDK client, against an S3 endpoint that misbehaves at the socket level: each fault
 * ends with the object's head once, or a clear error for retry, within the invocation's deadline.
 */
class S3HeadsFaultTest {
    private static final String FOUND = "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: 1234\r\n\r\n";
    private static final Duration DEADLINE = Duration.ofSeconds(6);

    static Stream<Arguments> faultsThenSuccess() {
        return Stream.of(
                Arguments.of("reset", reset()),
                Arguments.of("closed before the status line", closeAfter("")),
                Arguments.of("503 with an absurd Retry-After", respond(answer(503, "Retry-After: 99999999999999\r\n",
                        ""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultsThenSuccess")
    void findsTheObjectOnceWhenOneAttemptMeetsAFault(String name, RawWebhookServer.Behaviour fault) throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(fault, respond(FOUND))) {
            long started = System.nanoTime();

            S3Heads.Head head = heads(server).head("b", "report.pdf", null, "us-east-1", Instant.now().plus(DEADLINE));

            assertThat(head.status()).isEqualTo(S3Heads.Status.FOUND);
            assertThat(server.requests()).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    static Stream<Arguments> faultsForever() {
        return Stream.of(
                Arguments.of("reset", reset(), "connection failed (Connection reset)"),
                Arguments.of("never answers", silence(), "no answer in time"),
                Arguments.of("slow headers", trickle("HTTP/1.1 200 OK\r\n", "Content-Length: 1234\r\n\r\n", 1000),
                        "no answer in time"),
                Arguments.of("5xx", respond(answer(500, "", "")), "(HTTP 500)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultsForever")
    void failsWithinTheDeadlineWhenTheFaultPersists(String name, RawWebhookServer.Behaviour fault, String words)
            throws Exception {
        try (RawWebhookServer server = new RawWebhookServer(fault)) {
            long started = System.nanoTime();

            S3NotifyException e = catchThrowableOfType(() -> heads(server).head("b", "report.pdf", null, "us-east-1",
                    Instant.now().plus(DEADLINE)), S3NotifyException.class);

            assertThat(e).as(name).isNotNull().hasMessageStartingWith("HeadObject on s3://b/report.pdf failed: ")
                    .hasMessageContaining(words);
            assertThat(e.getMessage()).as("no Java class names")
                    .doesNotContainPattern("\\w+Exception[:)]|java\\.|awssdk");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE.plusSeconds(2));
        }
    }

    private static S3Heads heads(RawWebhookServer server) {
        return new S3Heads(AwsFixtures.session(), URI.create(server.url("")), true);
    }
}
