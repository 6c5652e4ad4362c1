package dev.s3notify.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionErrorsTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused"), "connection refused"),
                Arguments.of(withCause(new ConnectException(null), new UnresolvedAddressException()),
                        "host not found"),
                Arguments.of(new java.net.UnknownHostException("hooks.example"), "host not found"),
                Arguments.of(new SocketTimeoutException("Connect timed out"), "could not connect in time"),
                Arguments.of(new SocketTimeoutException("Read timed out"), "no answer within 2000 ms"),
                Arguments.of(withCause(new IOException("wrapped"), new SSLHandshakeException("PKIX path building"
                        + " failed: unable to find valid certification path")), "TLS handshake failed"),
                Arguments.of(withCause(new IOException("HTTP/1.1 header parser received no bytes"),
                        new java.net.SocketException("Connection reset")), "connection reset"),
                Arguments.of(new EOFException("EOF reached while reading"),
                        "connection closed before a complete answer"),
                Arguments.of(new java.net.ProtocolException("Invalid status line: \"SSH-2.0\""),
                        "the answer was not valid HTTP"),
                Arguments.of(new IOException("something else at https://hooks.example/SECRET"), "connection failed"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void describesFailuresInWordsWithoutClassNamesOrTheirMessages(Throwable failure, String words) {
        String described = ConnectionErrors.describe(failure, Duration.ofSeconds(2));

        assertThat(described).isEqualTo(words).doesNotContain("Exception").doesNotContain("SECRET");
    }

    private static Throwable withCause(Throwable outer, Throwable cause) {
        outer.initCause(cause);
        return outer;
    }
}
