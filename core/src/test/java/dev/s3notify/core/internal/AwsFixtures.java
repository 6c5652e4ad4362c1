package dev.s3notify.core.internal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.CredentialsProvider;
import dev.s3notify.core.Log;
import dev.s3notify.core.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** What the AWS client tests share: the SigV4 test-suite keys, a fixed clock, a local server, fake waits. */
final class AwsFixtures {
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String SESSION_TOKEN = "FQoGZXIvYXdzEXAMPLE-session-token//////////8BEaDEXAMPLE";
    static final CredentialsProvider KEYS = () -> new AwsCredentials("AKIDEXAMPLE", Secret.of(SECRET_KEY), null, null);
    static final CredentialsProvider SESSION = () -> new AwsCredentials("ASIAEXAMPLE", Secret.of(SECRET_KEY),
            Secret.of(SESSION_TOKEN), Instant.parse("2024-05-01T13:00:00Z"));
    static final Instant NOW = Instant.parse("2024-05-01T12:34:56Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** One client for all tests, as in production, so pooled connections meet WireMock's faults too. */
    static final HttpClient HTTP = SharedHttpClient.get();

    private AwsFixtures() {
    }

    static WireMockServer startServer() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    static URI endpoint(WireMockServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    static AwsJsonClient client(String service, WireMockServer server, CredentialsProvider keys, Duration timeout) {
        return new AwsJsonClient(service, endpoint(server), "us-east-1", keys, timeout, () -> HTTP, CLOCK);
    }

    /** A jitter source that always draws the given fraction of the ceiling. */
    static RandomGenerator fraction(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble is expected");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    /** A sleeper that records the waits and returns at once. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    /** Captures every log line until closed, then sends logs back to standard error. */
    static final class CapturedLog implements AutoCloseable {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        CapturedLog() {
            Log.redirect(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            Log.redirect(System.err);
        }
    }
}
