package dev.s3notify.core.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.EventEntry;
import dev.s3notify.core.config.Settings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

class EventBridgeEventsTest {
    private static final EventEntry ENTRY = new EventEntry("s3-link-generator", "file-link-generated", "default",
            "{\"key\":\"a.txt\"}", List.of("arn:aws:s3:::b"), "evt-1 a.txt");
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post("/").willReturn(okJson("{\"Entries\":[{\"EventId\":\"e1\"}]}")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void primingRunsACallThroughTheSdkWithoutSendingItOrResolvingCredentials() {
        AwsCredentialsProvider untouchable = () -> {
            throw new AssertionError("priming must not resolve the session's credentials");
        };
        EventBridgeEvents events = EventBridgeEvents.create(
                AwsSession.create(Map.of(), new Settings(Map.of()), untouchable), URI.create(server.baseUrl()));

        events.prime(List.of(ENTRY));

        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theSameClientStillSendsRealCallsAfterPriming() {
        EventBridgeEvents events = EventBridgeEvents.create(AwsSession.create(Map.of(), new Settings(Map.of()),
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKID", "s"))),
                URI.create(server.baseUrl()));
        events.prime(List.of(ENTRY));

        List<EventBridgeEvents.Result> results = events.putEvents(List.of(ENTRY), null);

        assertThat(results).extracting(EventBridgeEvents.Result::published).containsExactly(true);
        server.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void saysACallThrottledPastItsTimeWasThrottledWithTheWaitAskedFor() {
        server.stubFor(post("/").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(429)
                .withHeader("Retry-After", "86400").withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")));
        EventBridgeEvents events = EventBridgeEvents.create(AwsSession.create(Map.of(), new Settings(Map.of()),
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKID", "s"))),
                URI.create(server.baseUrl()));
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(3);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> events.putEvents(List.of(ENTRY), deadline))
                .isInstanceOfSatisfying(AwsCallFailed.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.reason()).startsWith("throttled: the last answer was HTTP 429, asking to wait"
                            + " 86400 s (Retry-After)").doesNotContain("no answer in time");
                });
        assertThat(java.time.Instant.now()).isBefore(deadline.plusSeconds(1));
    }

    @Test
    void keepsTheTimeoutsWordsWhenNoAnswerCameAtAll() {
        server.stubFor(post("/").willReturn(okJson("{\"Entries\":[{\"EventId\":\"e1\"}]}")
                .withFixedDelay(5000)));
        EventBridgeEvents events = EventBridgeEvents.create(AwsSession.create(Map.of(), new Settings(Map.of()),
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKID", "s"))),
                URI.create(server.baseUrl()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> events.putEvents(List.of(ENTRY),
                java.time.Instant.now().plusSeconds(2))).isInstanceOfSatisfying(AwsCallFailed.class,
                        e -> assertThat(e.reason()).startsWith("no answer in time"));
    }
}
