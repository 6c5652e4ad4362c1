package dev.s3notify.core.aws;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.support.Sleeper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** What the AWS client tests share: the SigV4 test-suite keys, a local server, fake waits, captured logs. */
public final class AwsFixtures {
    /** The keys of the AWS SigV4 test suite. */
    static final StaticCredentialsProvider KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));

    private AwsFixtures() {
    }

    public static WireMockServer startServer() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    public static URI endpoint(WireMockServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** @return a session in us-east-1 signing with {@link #KEYS} */
    public static AwsSession session() {
        return AwsSession.create(Map.of(), new Settings(Map.of()), KEYS);
    }

    /** A jitter source whose bounded draws are always the given fraction of the ceiling (the bound less one). */
    public static RandomGenerator fraction(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only bounded draws are expected");
            }

            @Override
            public long nextLong(long bound) {
                return (long) ((bound - 1) * value);
            }
        };
    }

    /** A sleeper that records the waits and returns at once. */
    public static final class RecordingSleeper implements Sleeper {
        public final List<Duration> waits = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    /** Captures every log line until closed, then sends logs back to standard error. */
    public static final class CapturedLog implements AutoCloseable {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        public CapturedLog() {
            Log.redirect(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }

        public String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            Log.redirect(System.err);
        }
    }
}
