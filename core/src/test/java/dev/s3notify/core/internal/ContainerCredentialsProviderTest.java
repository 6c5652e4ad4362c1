package dev.s3notify.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.CredentialsProvider;
import dev.s3notify.core.S3NotifyException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lambda SnapStart / ECS credentials endpoint, played by WireMock. */
class ContainerCredentialsProviderTest {
    private static final String PATH = "/2021-04-23/credentials";
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    private final WireMockServer endpoint = new WireMockServer(options().dynamicPort());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void start() {
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop();
    }

    @Test
    void fetchesNothingBeforeFirstUseSoASnapshotHoldsNoCredentials() {
        provider(Map.of("AWS_CONTAINER_AUTHORIZATION_TOKEN", "tok3n"));

        endpoint.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void fetchesAgainAfterForgettingSoNoSnapshotKeepsCredentials() {
        CredentialsProvider provider = provider(Map.of());
        answer("ASIA1", T0.plus(Duration.ofHours(6)));
        assertThat(provider.credentials().accessKeyId()).isEqualTo("ASIA1");
        answer("ASIA2", T0.plus(Duration.ofHours(6)));

        provider.forget();

        assertThat(provider.credentials().accessKeyId()).isEqualTo("ASIA2");
        endpoint.verify(2, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void sendsTheAuthorizationTokenAndReadsTheCredentials() {
        answer("ASIA1", T0.plus(Duration.ofHours(6)));

        AwsCredentials credentials = provider(Map.of("AWS_CONTAINER_AUTHORIZATION_TOKEN", "tok3n")).credentials();

        assertThat(credentials.accessKeyId()).isEqualTo("ASIA1");
        assertThat(credentials.secretAccessKey().reveal()).isEqualTo("secret-ASIA1");
        assertThat(credentials.sessionToken().reveal()).isEqualTo("token-ASIA1");
        assertThat(credentials.expiration()).isEqualTo(T0.plus(Duration.ofHours(6)));
        endpoint.verify(getRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("tok3n")));
    }

    @Test
    void readsTheTokenFromItsFileWithoutTheTrailingNewline(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "file-tok3n\n");
        answer("ASIA1", T0.plus(Duration.ofHours(6)));

        provider(Map.of("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", file.toString(),
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "ignored")).credentials();

        endpoint.verify(getRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("file-tok3n")));
    }

    @Test
    void keepsCredentialsUntilFiveMinutesBeforeTheyExpireThenFetchesNewOnes() {
        CredentialsProvider provider = provider(Map.of());
        answer("ASIA1", T0.plus(Duration.ofHours(1)));
        assertThat(provider.credentials().accessKeyId()).isEqualTo("ASIA1");
        answer("ASIA2", T0.plus(Duration.ofHours(2)));

        clock.set(T0.plus(Duration.ofMinutes(54)));
        assertThat(provider.credentials().accessKeyId()).isEqualTo("ASIA1");
        clock.set(T0.plus(Duration.ofMinutes(55)));
        assertThat(provider.credentials().accessKeyId()).isEqualTo("ASIA2");

        endpoint.verify(2, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void reportsAServerErrorNamingTheHostOnly() {
        endpoint.stubFor(get(PATH).willReturn(aResponse().withStatus(500).withBody("boom")));

        assertThatThrownBy(provider(Map.of("AWS_CONTAINER_AUTHORIZATION_TOKEN", "tok3n"))::credentials)
                .isInstanceOf(S3NotifyException.class)
                .hasMessageStartingWith("the container credentials endpoint on 127.0.0.1 answered HTTP 500")
                .hasMessageNotContaining(PATH)
                .hasMessageNotContaining("tok3n");
    }

    @Test
    void keepsUsingUnexpiredCredentialsWhenARefreshFails() {
        CredentialsProvider provider = provider(Map.of());
        answer("ASIA1", T0.plus(Duration.ofHours(1)));
        provider.credentials();
        endpoint.stubFor(get(PATH).willReturn(aResponse().withStatus(500)));

        clock.set(T0.plus(Duration.ofMinutes(57)));
        assertThat(provider.credentials().accessKeyId()).isEqualTo("ASIA1");
        clock.set(T0.plus(Duration.ofMinutes(60)));
        assertThatThrownBy(provider::credentials).hasMessageContaining("answered HTTP 500");
    }

    @Test
    void refusesAnAnswerWithoutKeys() {
        endpoint.stubFor(get(PATH).willReturn(okJson("{\"Code\":\"Failure\"}")));

        assertThatThrownBy(provider(Map.of())::credentials)
                .hasMessageContaining("answered without AccessKeyId and SecretAccessKey");
    }

    private CredentialsProvider provider(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + endpoint.port() + PATH);
        return Credentials.defaultChain(env, () -> http, clock);
    }

    private void answer(String accessKeyId, Instant expiration) {
        endpoint.stubFor(get(PATH).willReturn(okJson("{\"AccessKeyId\":\"" + accessKeyId + "\","
                + "\"SecretAccessKey\":\"secret-" + accessKeyId + "\",\"Token\":\"token-" + accessKeyId + "\","
                + "\"Expiration\":\"" + expiration + "\"}")));
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
