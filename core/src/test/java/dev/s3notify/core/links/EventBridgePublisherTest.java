package dev.s3notify.core.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.s3notify.core.EventEntry;
import dev.s3notify.core.aws.AwsFixtures;
import dev.s3notify.core.aws.EventBridgeEvents;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.support.Backoff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventBridgePublisherTest {
    private final AwsFixtures.RecordingSleeper sleeper = new AwsFixtures.RecordingSleeper();
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = AwsFixtures.startServer();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void sendsTheEntriesAsOneSignedPutEventsCall() {
        server.stubFor(post("/").willReturn(allPublished()));

        publisher().publish(List.of(entry(1), entry(2)));

        server.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/us-east-1/"
                        + "events/aws4_request, SignedHeaders=[a-z0-9;-]*host;[a-z0-9;-]*x-amz-date;x-amz-target,"
                        + " Signature=[0-9a-f]{64}"))
                .withRequestBody(equalToJson("""
                        {"Entries": [
                          {"Source": "s3-link-generator", "DetailType": "file-link-generated",
                           "Detail": "{\\"key\\":\\"file-1.txt\\",\\"url\\":\\"https://b.s3.amazonaws.com/file-1.txt?X-Amz-Signature=deadbeef1\\"}",
                           "EventBusName": "links", "Resources": ["arn:aws:s3:::b/file-1.txt"]},
                          {"Source": "s3-link-generator", "DetailType": "file-link-generated",
                           "Detail": "{\\"key\\":\\"file-2.txt\\",\\"url\\":\\"https://b.s3.amazonaws.com/file-2.txt?X-Amz-Signature=deadbeef2\\"}",
                           "EventBusName": "links", "Resources": ["arn:aws:s3:::b/file-2.txt"]}
                        ]}""")));
    }

    @Test
    void sendsTwentyFiveEntriesInCallsOfTenTenAndFive() {
        server.stubFor(post("/").willReturn(allPublished()));

        publisher().publish(entries(1, 25));

        assertThat(sent()).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(sent().stream().flatMap(List::stream)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 25).mapToObj(n -> "arn:aws:s3:::b/file-" + n + ".txt").toList());
    }

    @Test
    void startsAnotherCallBeforeTheEntriesPassTwoHundredFiftySixKibibytes() {
        server.stubFor(post("/").willReturn(allPublished()));
        List<EventEntry> large = IntStream.rangeClosed(1, 3).mapToObj(n -> large(n, 100 * 1024)).toList();

        publisher().publish(large);

        assertThat(sent()).extracting(List::size).containsExactly(2, 1);
    }

    @Test
    void rejectsAnOversizeEntryBeforeSendingAnything() {
        server.stubFor(post("/").willReturn(allPublished()));
        List<EventEntry> entries = List.of(entry(1), large(2, 256 * 1024 + 1));

        assertThatThrownBy(() -> publisher().publish(entries))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("evt-2 file-2.txt")
                .hasMessageContaining("262144");
        server.verify(0, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void resendsOnlyTheThrottledEntryAfterABackoff() {
        sequence(okJson("""
                {"FailedEntryCount": 1, "Entries": [{"EventId": "a"},
                  {"ErrorCode": "ThrottlingException", "ErrorMessage": "Rate exceeded"}, {"EventId": "c"}]}"""),
                okJson("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"b\"}]}"));

        publisher().publish(entries(1, 3));

        assertThat(sent()).containsExactly(resources(1, 2, 3), resources(2));
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(50));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AccessDeniedException", "ValidationException", "MalformedDetail",
        "NotAuthorizedForSourceException"})
    void permanentEntryFailureIsReportedWithoutRetry(String code) {
        server.stubFor(post("/").willReturn(okJson("{\"FailedEntryCount\":1,\"Entries\":[{\"EventId\":\"a\"},"
                + "{\"ErrorCode\":\"" + code + "\",\"ErrorMessage\":\"no\"}]}")));

        assertThatThrownBy(() -> publisher().publish(entries(1, 2)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("event bus 'links'")
                .hasMessageContaining("1 of 2 entries unpublished")
                .hasMessageContaining("evt-2 file-2.txt (" + code + ": no)")
                .hasMessageNotContaining("evt-1");
        server.verify(1, postRequestedFor(urlEqualTo("/")));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void namesOnlyTheEntriesStillUnpublishedAfterRetrying() {
        sequence(okJson("{\"FailedEntryCount\":2,\"Entries\":[{\"ErrorCode\":\"AccessDeniedException\"},"
                        + "{\"ErrorCode\":\"InternalFailure\"},{\"EventId\":\"c\"}]}"),
                okJson("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"b\"}]}"));

        assertThatThrownBy(() -> publisher().publish(entries(1, 3)))
                .hasMessageContaining("1 of 3 entries unpublished")
                .hasMessageContaining("evt-1 file-1.txt (AccessDeniedException)")
                .hasMessageNotContaining("evt-2")
                .hasMessageNotContaining("evt-3");
        assertThat(sent()).containsExactly(resources(1, 2, 3), resources(2));
    }

    @Test
    void givesUpOnAnEntryThrottledForFourAttempts() {
        sequence(okJson("{\"FailedEntryCount\":1,\"Entries\":[{\"EventId\":\"a\"},"
                        + "{\"ErrorCode\":\"ThrottlingException\",\"ErrorMessage\":\"Rate exceeded\"}]}"),
                okJson("{\"FailedEntryCount\":1,\"Entries\":[{\"ErrorCode\":\"ThrottlingException\","
                        + "\"ErrorMessage\":\"Rate exceeded\"}]}"));

        assertThatThrownBy(() -> publisher().publish(entries(1, 2)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("evt-2 file-2.txt (ThrottlingException: Rate exceeded)")
                .hasMessageContaining("4 attempts")
                .hasMessageNotContaining("evt-1");
        assertThat(sent()).containsExactly(resources(1, 2), resources(2), resources(2), resources(2));
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(200));
    }

    @Test
    void leavesARetryOfAServerErrorToTheSdk() {
        sequence(aResponse().withStatus(500).withBody("{\"__type\":\"InternalFailure\"}"), allPublished());

        publisher().publish(entries(1, 2));

        assertThat(sent()).containsExactly(resources(1, 2), resources(1, 2));
        assertThat(sleeper.waits).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"429, ''", "400, ThrottlingException", "503, ServiceUnavailable"})
    void retriesAThrottledOrUnavailableCall(int status, String type) {
        sequence(aResponse().withStatus(status).withBody("{\"__type\":\"" + type + "\",\"message\":\"slow\"}"),
                allPublished());

        publisher().publish(entries(1, 1));

        server.verify(2, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void givesUpAfterTheSdksAttemptsNamingEveryEntry() {
        server.stubFor(post("/").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> publisher().publish(entries(1, 12)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("12 of 12 entries unpublished")
                .hasMessageContaining("evt-1 file-1.txt (CallFailed: ")
                .hasMessageContaining("evt-12 file-12.txt (CallFailed: ")
                .hasMessageContaining("HTTP 502");
        assertThat(sent()).hasSize(6); // 2 calls, 3 attempts each (the SDK's standard retry mode)
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void missingBusFailsAtOnceNamingIt() {
        server.stubFor(post("/").willReturn(aResponse().withStatus(400).withBody(
                "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Event bus links does not exist.\"}")));

        assertThatThrownBy(() -> publisher().publish(entries(1, 12)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("event bus 'links'")
                .hasMessageContaining("ResourceNotFoundException (HTTP 400): Event bus links does not exist.")
                .hasMessageContaining("12 of 12 entries unpublished");
        server.verify(2, postRequestedFor(urlEqualTo("/")));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void retriesADroppedConnectionThenSucceeds() {
        sequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), allPublished());

        publisher().publish(entries(1, 2));

        assertThat(sent()).containsExactly(resources(1, 2), resources(1, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"FailedEntryCount\":0,\"Entries\":[]}",
        "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"a\"}]}",
        "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"a\"},{}]}"})
    void failsTheEntriesAnAnswerDoesNotAccountFor(String answer) {
        server.stubFor(post("/").willReturn(okJson(answer)));

        assertThatThrownBy(() -> publisher().publish(entries(1, 2)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("evt-2 file-2.txt (NoResult: PutEvents answered")
                .satisfies(e -> assertThat(e.getMessage().contains("evt-1 file-1.txt"))
                        .isEqualTo(!answer.contains("\"a\"")));
        server.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void failsTheEntriesWhenTheInvocationsDeadlineComesFirst() {
        server.stubFor(post("/").willReturn(allPublished().withFixedDelay(10_000)));
        long start = System.nanoTime();

        assertThatThrownBy(() -> publisher().publish(entries(1, 2), Instant.now().plusMillis(2_000)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("2 of 2 entries unpublished")
                .hasMessageContaining("no answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_000));
    }

    @Test
    void callsNothingWhenTheDeadlineHasPassed() {
        assertThatThrownBy(() -> publisher().publish(entries(1, 2), Instant.now()))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("deadline");
        server.verify(0, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void logsEachAttemptWithCountsButNeverTheDetail() {
        sequence(okJson("{\"FailedEntryCount\":1,\"Entries\":[{\"EventId\":\"a\"},"
                + "{\"ErrorCode\":\"ThrottlingException\"}]}"), okJson("{\"Entries\":[{\"EventId\":\"b\"}]}"));

        String log;
        try (AwsFixtures.CapturedLog captured = new AwsFixtures.CapturedLog()) {
            publisher().publish(entries(1, 2));
            log = captured.text();
        }

        assertThat(log).contains("\"message\":\"PutEvents attempt\",\"attempt\":2,\"entries\":1,\"calls\":1,"
                + "\"published\":1,\"retryable\":0,\"failed\":0")
                .doesNotContain("X-Amz-Signature").doesNotContain("deadbeef").doesNotContain("file-1.txt");
    }

    @Test
    void publishesNothingForNoEntries() {
        publisher().publish(List.of());

        server.verify(0, postRequestedFor(urlEqualTo("/")));
    }

    /** A new builder each time: WireMock's builders are mutable ({@code withFixedDelay} changes this one). */
    private static ResponseDefinitionBuilder allPublished() {
        return okJson("{\"FailedEntryCount\":0,\"Entries\":["
                + IntStream.rangeClosed(1, 10).mapToObj(n -> "{\"EventId\":\"e" + n + "\"}")
                        .collect(java.util.stream.Collectors.joining(",")) + "]}");
    }

    private EventBridgePublisher publisher() {
        return new EventBridgePublisher(EventBridgeEvents.create(AwsFixtures.session(), AwsFixtures.endpoint(server)),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 4, sleeper, AwsFixtures.fraction(0.5)));
    }

    /** Answers with each response in turn, then keeps answering with the last. */
    private void sequence(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            var stub = post("/").inScenario("sequence")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "call " + i).willReturn(responses[i]);
            server.stubFor(i + 1 < responses.length ? stub.willSetStateTo("call " + (i + 1)) : stub);
        }
    }

    /** @return per PutEvents call received, in order, the first resource of each entry (which names its file) */
    private List<List<String>> sent() {
        List<List<String>> calls = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo("/")))) {
            List<String> resources = new ArrayList<>();
            read(request.getBodyAsString()).path("Entries").forEach(e -> resources.add(e.path("Resources").path(0)
                    .asText()));
            calls.add(resources);
        }
        return calls;
    }

    private static JsonNode read(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> resources(int... files) {
        return IntStream.of(files).mapToObj(n -> "arn:aws:s3:::b/file-" + n + ".txt").toList();
    }

    private static List<EventEntry> entries(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(EventBridgePublisherTest::entry).toList();
    }

    private static EventEntry entry(int n) {
        String detail = "{\"key\":\"file-" + n + ".txt\",\"url\":\"https://b.s3.amazonaws.com/file-" + n
                + ".txt?X-Amz-Signature=deadbeef" + n + "\"}";
        return new EventEntry("s3-link-generator", "file-link-generated", "links", detail,
                List.of("arn:aws:s3:::b/file-" + n + ".txt"), "evt-" + n + " file-" + n + ".txt");
    }

    /** An entry whose detail alone is {@code detailBytes} bytes. */
    private static EventEntry large(int n, int detailBytes) {
        String detail = "{\"pad\":\"" + "x".repeat(detailBytes - 10) + "\"}";
        return new EventEntry("s3-link-generator", "file-link-generated", "links", detail,
                List.of("arn:aws:s3:::b/file-" + n + ".txt"), "evt-" + n + " file-" + n + ".txt");
    }
}
