package dev.s3notify.core.decoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.testing.Fixtures;
import dev.s3notify.core.testing.LogCapture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What every shape shares: test events, folders, envelopes end to end, and the shapes that are refused. */
class S3EventDecoderTest {
    private final S3EventDecoder decoder = new S3EventDecoder();
    private final LogCapture log = new LogCapture();

    @AfterEach
    void restoreLog() {
        log.close();
    }

    @Test
    void acknowledgesAnS3TestEventWithNoEventsAndOneInfoLine() {
        List<ObjectEvent> events = decoder.decode(Fixtures.event("s3-test-event.json"));

        assertThat(events).isEmpty();
        assertThat(log.lines()).singleElement().asString()
                .contains("\"level\":\"INFO\"", "\"message\":\"s3 test event acknowledged\"",
                        "\"bucket\":\"amzn-s3-demo-bucket\"", "\"requestId\":\"5582815E1AEA5ADF\"");
    }

    @Test
    void acknowledgesAnS3TestEventDeliveredThroughSqs() {
        Envelope envelope = Envelopes.unwrap(Fixtures.event("sqs-s3-test-event.json")).get(0);

        assertThat(decoder.decode(envelope.body())).isEmpty();
        assertThat(log.lines()).singleElement().asString().contains("s3 test event acknowledged");
    }

    @Test
    void skipsAFolderPlaceholderAndLogsItsBucketAndKey() {
        List<ObjectEvent> events = decoder.decode(Fixtures.event("s3-folder.json"));

        assertThat(events).isEmpty();
        assertThat(log.lines()).singleElement().asString().contains("\"level\":\"INFO\"",
                "\"message\":\"folder placeholder skipped\"", "\"bucket\":\"amzn-s3-demo-bucket\"",
                "\"key\":\"uploads/2024/\"");
    }

    @Test
    void skipsOnlyTheFolderAmongOtherRecords() {
        JsonNode event = Fixtures.edited("s3-multi-record.json",
                root -> Fixtures.object(root, "/Records/1/s3/object").put("key", "photos%2F2024%2F").put("size", 0));

        assertThat(decoder.decode(event)).extracting(ObjectEvent::key)
                .containsExactly("photos/2024/beach.jpg", "videos/holiday.mp4");
    }

    @Test
    void keepsAnEventBridgeKeyThatIsAFolderOnlyWhenDecoded() {
        JsonNode event = Fixtures.edited("eventbridge-object-created.json",
                root -> Fixtures.object(root, "/detail/object").put("key", "notes%2F"));

        assertThat(decoder.decode(event)).extracting(ObjectEvent::key, ObjectEvent::undecodedKey)
                .containsExactly(tuple("notes/", "notes%2F"));
    }

    @Test
    void decodesEveryEnvelopeOfTheSameUploadToTheSameEvent() {
        List<ObjectEvent> direct = decoder.decode(Fixtures.event("s3-put.json"));

        for (String fixture : List.of("sqs-s3-put.json", "sqs-sns-s3-put.json", "sns-s3-put.json")) {
            List<Envelope> envelopes = Envelopes.unwrap(Fixtures.event(fixture));
            assertThat(envelopes).singleElement().extracting(e -> decoder.decode(e.body())).isEqualTo(direct);
        }
        assertThat(direct).extracting(ObjectEvent::key).containsExactly("uploads/Q3 report (2024).pdf");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{}                        | found an empty object",
        "{\"foo\":1,\"bar\":[2]}   | found an object with keys [foo, bar]",
        "[1,2,3]                   | found an array of 3 items",
        "`\"s3 event\"`            | found a string \"s3 event\"",
        "42                        | found a number 42",
        "null                      | found null",
        "{\"Records\":{}}          | found Records that is an empty object, not an array",
        "{\"Event\":\"s3:Other\"}  | found an object with keys [Event]"})
    void refusesOtherShapesSayingWhatIsAcceptedAndWhatWasFound(String json, String found) {
        assertThatThrownBy(() -> decoder.decode(Fixtures.json(json)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("expected an S3 event: an EventBridge event with source aws.s3, S3 notification"
                        + " Records[], or s3:TestEvent; " + found);
    }

    @Test
    void quotesAtMost200CharactersOfAHugeEvent() {
        ObjectNode huge = (ObjectNode) Fixtures.json("{}");
        for (int i = 0; i < 5000; i++) {
            huge.put("field" + i, i);
        }
        JsonNode hugeText = Fixtures.json("\"" + "a".repeat(100_000) + "\"");

        assertThatThrownBy(() -> decoder.decode(huge)).hasMessageEndingWith("…]")
                .message().hasSizeLessThan(S3EventDecoder.ACCEPTED.length() + 260);
        assertThatThrownBy(() -> decoder.decode(hugeText)).hasMessageEndingWith("…\"")
                .message().hasSizeLessThan(S3EventDecoder.ACCEPTED.length() + 260);
    }
}
