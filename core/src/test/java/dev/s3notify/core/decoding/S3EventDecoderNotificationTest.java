package dev.s3notify.core.decoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Classic S3 event notifications ({@code Records[]} with {@code eventSource aws:s3}). */
class S3EventDecoderNotificationTest {
    private final S3EventDecoder decoder = new S3EventDecoder();

    @Test
    void decodesAPutWithEveryFieldAndTheKeyDecoded() {
        List<ObjectEvent> events = decoder.decode(Fixtures.event("s3-put.json"));

        assertThat(events).containsExactly(ObjectEvent.builder().bucket("amzn-s3-demo-bucket")
                .key("uploads/Q3 report (2024).pdf").size(1024L).eTag("d41d8cd98f00b204e9800998ecf8427e")
                .versionId("096fKKXTRTtl3on89fVO.nfljtsv6qko").type(EventType.CREATED)
                .eventTime(Instant.parse("2024-05-01T12:34:56.789Z")).region("us-west-2")
                .sourceEventId("C3D13FE58DE4C810:0055AED6DCD90281E5").build());
    }

    @Test
    void decodesADeleteMarkerWithoutSizeOrEtag() {
        List<ObjectEvent> events = decoder.decode(Fixtures.event("s3-delete.json"));

        assertThat(events).containsExactly(ObjectEvent.builder().bucket("amzn-s3-demo-bucket")
                .key("uploads/old draft.docx").versionId("Qb1ZGkbCkzhT1sP0H7ZJD9mDdRqfNo8N").type(EventType.DELETED)
                .eventTime(Instant.parse("2024-05-02T08:00:00.123Z")).region("us-west-2")
                .sourceEventId("8B7C2D1E0F3A4B5C:0066321A7F2B8C9D10").build());
    }

    @Test
    void decodesACompletedRestore() {
        ObjectEvent event = decoder.decode(Fixtures.event("s3-restore-completed.json")).get(0);

        assertThat(event.type()).isEqualTo(EventType.RESTORED);
        assertThat(event.key()).isEqualTo("archive/2019/ledger.csv");
        assertThat(event.size()).isEqualTo(1048576L);
    }

    @Test
    void decodesEveryRecordInOrder() {
        List<ObjectEvent> events = decoder.decode(Fixtures.event("s3-multi-record.json"));

        assertThat(events).extracting(ObjectEvent::key)
                .containsExactly("photos/2024/beach.jpg", "photos/2024/beach (copy).jpg", "videos/holiday.mp4");
        assertThat(events).extracting(ObjectEvent::sourceEventId).containsExactly(
                "1A2B3C4D5E6F7081:0066321A7F2B8C9D01", "1A2B3C4D5E6F7082:0066321A7F2B8C9D02",
                "1A2B3C4D5E6F7083:0066321A7F2B8C9D03");
        assertThat(events).extracting(ObjectEvent::size).containsExactly(204800L, 204800L, 734003200L);
    }

    @ParameterizedTest
    @CsvSource({
        "ObjectCreated:Put, CREATED", "ObjectCreated:Post, CREATED", "ObjectCreated:Copy, CREATED",
        "ObjectCreated:CompleteMultipartUpload, CREATED", "ObjectRemoved:Delete, DELETED",
        "ObjectRemoved:DeleteMarkerCreated, DELETED", "ObjectRestore:Completed, RESTORED",
        "ObjectRestore:Post, RESTORE_STARTED", "ObjectRestore:Delete, RESTORE_EXPIRED"})
    void mapsEveryHandledEventName(String eventName, EventType type) {
        JsonNode event = Fixtures.edited("s3-put.json",
                root -> Fixtures.object(root, "/Records/0").put("eventName", eventName));

        assertThat(decoder.decode(event)).extracting(ObjectEvent::type).containsExactly(type);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my+report.pdf                       | my report.pdf",
        "a%2Bb.txt                           | a+b.txt",
        "r%C3%A9sum%C3%A9+%F0%9F%93%84.pdf   | résumé 📄.pdf",
        "100%25.txt                          | 100%.txt",
        "plain.txt                           | plain.txt"})
    void alwaysFormUrlDecodesTheKey(String raw, String key) {
        ObjectEvent event = decoder.decode(withKey(raw)).get(0);

        assertThat(event.key()).isEqualTo(key);
        assertThat(event.undecodedKey()).isNull();
    }

    @Test
    void refusesAKeyThatIsNotFormUrlEncodedNamingIt() {
        assertThatThrownBy(() -> decoder.decode(withKey("100%.txt")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("S3 notification record 0 (ObjectCreated:Put): expected s3.object.key to be"
                        + " form-URL-encoded, as S3 sends it, but \"100%.txt\" is not: '%.t' at index 3 is not an"
                        + " escape (% and two hex digits)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LifecycleExpiration:Delete", "LifecycleExpiration:DeleteMarkerCreated",
        "Replication:OperationFailedReplication", "ObjectTagging:Put", "ObjectAcl:Put", "IntelligentTiering",
        "LifecycleTransition"})
    void refusesAnUnhandledEventNameNamingItAndTheHandledOnes(String eventName) {
        JsonNode event = Fixtures.edited("s3-put.json",
                root -> Fixtures.object(root, "/Records/0").put("eventName", eventName));

        assertThatThrownBy(() -> decoder.decode(event))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("S3 notification record 0: eventName \"" + eventName + "\" is not handled;"
                        + " expected ObjectCreated:*, ObjectRemoved:*, ObjectRestore:Post, ObjectRestore:Completed"
                        + " or ObjectRestore:Delete.");
    }

    @Test
    void sourceEventIdIsTheSequencerAloneWithoutARequestIdAndNullWithoutASequencer() {
        JsonNode noRequestId = Fixtures.edited("s3-put.json",
                root -> Fixtures.object(root, "/Records/0").remove("responseElements"));
        JsonNode noSequencer = Fixtures.edited("s3-put.json",
                root -> Fixtures.object(root, "/Records/0/s3/object").remove("sequencer"));

        assertThat(decoder.decode(noRequestId).get(0).sourceEventId()).isEqualTo("0055AED6DCD90281E5");
        assertThat(decoder.decode(noSequencer).get(0).sourceEventId()).isNull();
    }

    @Test
    void refusesARecordWithoutABucketNameSayingWhatIsMissing() {
        JsonNode event = Fixtures.edited("s3-put.json",
                root -> Fixtures.object(root, "/Records/0/s3/bucket").remove("name"));

        assertThatThrownBy(() -> decoder.decode(event))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("S3 notification record 0 (ObjectCreated:Put): expected s3.bucket.name (a non-empty"
                        + " string) but s3.bucket.name is missing");
    }

    @Test
    void refusesARecordWhoseS3PartIsNotAnObject() {
        JsonNode event = Fixtures.edited("s3-put.json", root -> Fixtures.object(root, "/Records/0").put("s3", 7));

        assertThatThrownBy(() -> decoder.decode(event))
                .hasMessage("S3 notification record 0 (ObjectCreated:Put): expected s3.bucket.name (a non-empty"
                        + " string) but s3 is a number 7");
    }

    @Test
    void refusesASizeThatIsNotAWholeNumberAndATimeThatIsNotIso8601() {
        JsonNode badSize = Fixtures.edited("s3-put.json",
                root -> Fixtures.object(root, "/Records/0/s3/object").put("size", "big"));
        JsonNode badTime = Fixtures.edited("s3-put.json",
                root -> Fixtures.object(root, "/Records/0").put("eventTime", "yesterday"));

        assertThatThrownBy(() -> decoder.decode(badSize)).isInstanceOf(InvalidEventException.class)
                .hasMessageEndingWith("expected s3.object.size to be a size in bytes (a whole number from 0) but"
                        + " s3.object.size is a string \"big\"");
        assertThatThrownBy(() -> decoder.decode(badTime)).isInstanceOf(InvalidEventException.class)
                .hasMessageEndingWith("expected eventTime to be an ISO-8601 time such as 2024-05-01T12:00:00Z but"
                        + " it is \"yesterday\"");
    }

    @Test
    void refusesEmptyRecordsSayingWhatIsAccepted() {
        assertThatThrownBy(() -> decoder.decode(Fixtures.json("{\"Records\":[]}")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage(S3EventDecoder.ACCEPTED + "; found Records[] with no records");
    }

    @Test
    void refusesRecordsFromAnotherSourceAndPointsAtUnwrapForAnEnvelope() {
        JsonNode dynamo = Fixtures.json("{\"Records\":[{\"eventSource\":\"aws:dynamodb\",\"eventName\":\"INSERT\"}]}");

        assertThatThrownBy(() -> decoder.decode(dynamo)).isInstanceOf(InvalidEventException.class)
                .hasMessage(S3EventDecoder.ACCEPTED + "; found Records[] whose record 0 has eventSource \"aws:dynamodb\"");
        assertThatThrownBy(() -> decoder.decode(Fixtures.event("sqs-s3-put.json")))
                .hasMessageContaining("eventSource \"aws:sqs\" (an envelope: take its messages out with"
                        + " Envelopes.unwrap first)");
    }

    private static JsonNode withKey(String rawKey) {
        return Fixtures.edited("s3-put.json", root -> Fixtures.object(root, "/Records/0/s3/object").put("key", rawKey));
    }
}
