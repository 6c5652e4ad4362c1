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

/** EventBridge events from S3 ({@code source aws.s3}). */
class S3EventDecoderEventBridgeTest {
    private static final String HANDLED = "expected Object Created, Object Deleted, Object Restore Completed,"
            + " Object Restore Initiated or Object Restore Expired";

    private final S3EventDecoder decoder = new S3EventDecoder();

    @Test
    void decodesObjectCreatedWithEveryField() {
        List<ObjectEvent> events = decoder.decode(Fixtures.event("eventbridge-object-created.json"));

        assertThat(events).containsExactly(ObjectEvent.builder().bucket("amzn-s3-demo-bucket")
                .key("reports/2024/Q1-summary.pdf").size(48213L).eTag("b1946ac92492d2347c6235b4d2611184")
                .versionId("IYV3p45BT0ac8hjHg1houSdS1a.Mro8e").type(EventType.CREATED)
                .eventTime(Instant.parse("2024-05-01T12:34:56Z")).region("eu-west-1")
                .sourceEventId("17793124-05d4-b198-2fde-7ededc63b103").build());
    }

    @Test
    void decodesObjectDeletedWithoutSize() {
        ObjectEvent event = decoder.decode(Fixtures.event("eventbridge-object-deleted.json")).get(0);

        assertThat(event.type()).isEqualTo(EventType.DELETED);
        assertThat(event.size()).isNull();
        assertThat(event.versionId()).isEqualTo("1QW9g1Z99LUNbvaaYVpW9xDlOLU.qxgF");
        assertThat(event.sourceEventId()).isEqualTo("2ee9cc15-d022-99ea-1fb8-1b1bac4850f9");
    }

    @Test
    void decodesObjectRestoreCompleted() {
        ObjectEvent event = decoder.decode(Fixtures.event("eventbridge-restore-completed.json")).get(0);

        assertThat(event.type()).isEqualTo(EventType.RESTORED);
        assertThat(event.key()).isEqualTo("archive/2019/ledger.csv");
        assertThat(event.eventTime()).isEqualTo(Instant.parse("2024-05-03T04:05:06Z"));
    }

    @Test
    void acceptsTheOldSystemsMinimalTestEventWithNullsForWhatItLacks() {
        List<ObjectEvent> events = decoder.decode(Fixtures.event("eventbridge-old-system-test.json"));

        assertThat(events).containsExactly(ObjectEvent.builder().bucket("your-bucket-name").key("test-file.pdf")
                .type(EventType.CREATED).build());
    }

    @ParameterizedTest
    @CsvSource({"Object Created, CREATED", "Object Deleted, DELETED", "Object Restore Completed, RESTORED",
        "Object Restore Initiated, RESTORE_STARTED", "Object Restore Expired, RESTORE_EXPIRED"})
    void mapsEveryHandledDetailType(String detailType, EventType type) {
        JsonNode event = Fixtures.edited("eventbridge-object-created.json", root -> root.put("detail-type", detailType));

        assertThat(decoder.decode(event)).extracting(ObjectEvent::type).containsExactly(type);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my+report.pdf                       | my report.pdf",
        "a%2Bb.txt                           | a+b.txt",
        "r%C3%A9sum%C3%A9+%F0%9F%93%84.pdf   | résumé 📄.pdf",
        "100%25.txt                          | 100%.txt"})
    void decodesAKeyThatMayBeEncodedAndKeepsItAsReceived(String raw, String key) {
        ObjectEvent event = decoder.decode(withKey(raw)).get(0);

        assertThat(event.key()).isEqualTo(key);
        assertThat(event.undecodedKey()).isEqualTo(raw);
        assertThat(event.keyAmbiguous()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain.txt", "100%.txt", "%zz.txt", "x%C3.txt", "résumé 📄.pdf",
        // A literal space proves the key was never form-encoded (that writes a space as +).
        "Q3 report+final.pdf", "a b%2Bc.txt"})
    void takesAKeyThatDecodingCannotChangeOrCannotDecodeAsItIs(String raw) {
        ObjectEvent event = decoder.decode(withKey(raw)).get(0);

        assertThat(event.key()).isEqualTo(raw);
        assertThat(event.undecodedKey()).isNull();
        assertThat(event.keyAmbiguous()).isFalse();
    }

    @Test
    void pointsACloudTrailEventToTheBucketsEventBridgeNotifications() {
        JsonNode event = Fixtures.json("{\"source\":\"aws.s3\",\"id\":\"ct-1\",\"detail-type\":\"AWS API Call via"
                + " CloudTrail\",\"detail\":{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"PutObject\","
                + "\"requestParameters\":{\"bucketName\":\"amzn-s3-demo-bucket\",\"key\":\"a.pdf\"}}}");

        assertThatThrownBy(() -> decoder.decode(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("EventBridge S3 event ct-1: this is CloudTrail's record of an S3 API call")
                .hasMessageContaining("Turn on Amazon EventBridge notifications on the bucket")
                .hasMessageContaining("put-bucket-notification-configuration --bucket amzn-s3-demo-bucket"
                        + " --notification-configuration '{\"EventBridgeConfiguration\": {}}'")
                .message().doesNotContain("Narrow");
    }

    @Test
    void leavesABucketNameNoBucketCouldHaveOutOfTheCommandItSuggests() {
        JsonNode event = Fixtures.json("{\"source\":\"aws.s3\",\"detail-type\":\"AWS API Call via CloudTrail\","
                + "\"detail\":{\"requestParameters\":{\"bucketName\":\"x; rm -rf ~\"}}}");

        assertThatThrownBy(() -> decoder.decode(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("--bucket BUCKET ").message().doesNotContain("rm -rf");
    }

    @Test
    void usesTheSequencerAsSourceEventIdWhenTheEventHasNoId() {
        JsonNode event = Fixtures.edited("eventbridge-object-created.json", root -> root.remove("id"));

        assertThat(decoder.decode(event).get(0).sourceEventId()).isEqualTo("00617F08299329D189");
    }

    @Test
    void refusesAnUnhandledS3DetailTypeNamingTheHandledOnes() {
        assertThatThrownBy(() -> decoder.decode(Fixtures.event("eventbridge-acl-updated.json")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("EventBridge S3 event 868f6d5e-7a2f-4b0e-9e8c-6a4d8f4c9e01: detail-type \"Object ACL"
                        + " Updated\" is not handled; " + HANDLED + ". Narrow the EventBridge rule's detail-type to"
                        + " these.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Object Tags Added", "Object Tags Deleted", "Object Storage Class Changed",
        "Object Access Tier Changed"})
    void refusesEveryOtherS3DetailType(String detailType) {
        JsonNode event = Fixtures.edited("eventbridge-object-created.json", root -> root.put("detail-type", detailType));

        assertThatThrownBy(() -> decoder.decode(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("detail-type \"" + detailType + "\" is not handled; " + HANDLED);
    }

    @Test
    void refusesAnEventBridgeEventFromAnotherSource() {
        JsonNode event = Fixtures.json("{\"source\":\"aws.ec2\",\"detail-type\":\"EC2 Instance State-change"
                + " Notification\",\"detail\":{\"state\":\"running\"}}");

        assertThatThrownBy(() -> decoder.decode(event)).isInstanceOf(InvalidEventException.class)
                .hasMessage(S3EventDecoder.ACCEPTED + "; found an EventBridge event with source \"aws.ec2\" and"
                        + " detail-type \"EC2 Instance State-change Notification\"");
    }

    @Test
    void refusesAnEventWithoutAnObjectKeySayingWhatIsMissing() {
        JsonNode event = Fixtures.edited("eventbridge-object-created.json",
                root -> Fixtures.object(root, "/detail/object").remove("key"));

        assertThatThrownBy(() -> decoder.decode(event)).isInstanceOf(InvalidEventException.class)
                .hasMessage("EventBridge S3 event 17793124-05d4-b198-2fde-7ededc63b103: expected detail.object.key"
                        + " (a non-empty string) but detail.object.key is missing");
    }

    @Test
    void refusesAnEventWithoutDetail() {
        JsonNode event = Fixtures.edited("eventbridge-old-system-test.json", root -> root.remove("detail"));

        assertThatThrownBy(() -> decoder.decode(event)).isInstanceOf(InvalidEventException.class)
                .hasMessage("EventBridge S3 event without id: expected detail.bucket.name (a non-empty string) but"
                        + " detail is missing");
    }

    private static JsonNode withKey(String rawKey) {
        return Fixtures.edited("eventbridge-object-created.json",
                root -> Fixtures.object(root, "/detail/object").put("key", rawKey));
    }
}
