package dev.s3notify.core.decoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.testing.Fixtures;
import dev.s3notify.core.testing.TestEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkEventJsonTest {
    private static final String OLD_DETAIL = "{\"fileName\":\"test-file.pdf\","
            + "\"fileUrl\":\"https://bucket.s3.amazonaws.com/test-file.pdf?Signature=x\",\"bucket\":\"bucket\","
            + "\"expirationTime\":\"24 hours\",\"timestamp\":\"2024-01-01T12:00:00.123456\"}";

    @Test
    void readsBackWhatItWrites() {
        for (LinkEvent event : new LinkEvent[] {TestEvents.created(), TestEvents.deleted()}) {
            assertThat(LinkEventJson.fromJson(LinkEventJson.toJson(event))).isEqualTo(event);
        }
    }

    @Test
    void writesTheDocumentedFieldsAndOmitsAbsentOnes() {
        JsonNode written = LinkEventJson.toJson(TestEvents.deleted());

        assertThat(written).isEqualTo(Fixtures.json("{\"fileName\":\"Q1_summary.pdf\",\"bucket\":\"uploads\","
                + "\"timestamp\":\"2024-05-01T12:34:57.123Z\",\"schemaVersion\":\"1\","
                + "\"key\":\"reports/Q1_summary.pdf\",\"versionId\":\"1QW9g1Z99LUNbvaaYVpW9xDlOLU.qxgF\","
                + "\"eventType\":\"deleted\",\"eventTime\":\"2024-05-01T12:34:56Z\",\"region\":\"eu-west-1\","
                + "\"sourceEventId\":\"2ee9cc15-d022-99ea-1fb8-1b1bac4850f9\"}"));
        assertThat(LinkEventJson.toJson(TestEvents.created()).get("size").isNumber()).isTrue();
    }

    @Test
    void readsTheOldSystemsMinimalDetailAsUtc() {
        LinkEvent event = LinkEventJson.fromJson(Fixtures.json(OLD_DETAIL));

        assertThat(event).isEqualTo(TestEvents.oldSystem());
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-01T12:00:00.123456Z"));
        assertThat(event.eventType()).isEqualTo(EventType.CREATED);
        assertThat(event.key()).isEqualTo("test-file.pdf");
    }

    @Test
    void readsTimesWithAnOffset() {
        LinkEvent event = LinkEventJson.fromJson(edited(d -> d.put("timestamp", "2024-01-01T14:00:00+02:00")));

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-01T12:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"timestamp", "eventTime", "expiresAt"})
    void namesTheFieldOfAMalformedTime(String field) {
        assertThatThrownBy(() -> LinkEventJson.fromJson(edited(d -> d.put(field, "01/02/2024 12:00"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("field '" + field + "' is not an ISO-8601 time such as 2026-11-21T17:16:21Z:"
                        + " \"01/02/2024 12:00\"");
    }

    @Test
    void readsAnUnknownEventTypeAsOther() {
        assertThat(LinkEventJson.fromJson(edited(d -> d.put("eventType", "updated"))).eventType())
                .isEqualTo(EventType.OTHER);
    }

    @Test
    void refusesAnEventTypeThatIsNotAName() {
        assertThatThrownBy(() -> LinkEventJson.fromJson(edited(d -> d.put("eventType", "Created!"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("expected eventType to be a lowercase name such as created or deleted but it is"
                        + " \"Created!\"");
    }

    @Test
    void namesAMissingBucket() {
        assertThatThrownBy(() -> LinkEventJson.fromJson(edited(d -> d.remove("bucket"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("file-link-generated detail is missing the field 'bucket'");
    }

    @Test
    void takesTheFileNameFromTheKeyWhenAbsent() {
        LinkEvent event = LinkEventJson.fromJson(edited(d -> d.put("key", "a/b/c.txt").remove("fileName")));

        assertThat(event.fileName()).isEqualTo("c.txt");
        assertThat(event.key()).isEqualTo("a/b/c.txt");
    }

    @Test
    void refusesADetailWithNeitherFileNameNorKey() {
        assertThatThrownBy(() -> LinkEventJson.fromJson(edited(d -> d.remove("fileName"))))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("neither fileName nor key");
    }

    @Test
    void refusesAFieldThatIsNotText() {
        // What an S3 "Object Created" detail routed to the dispatcher by mistake looks like.
        assertThatThrownBy(() -> LinkEventJson.fromJson(edited(d -> d.putObject("bucket").put("name", "b"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("field 'bucket' must be a string but is an object with keys [name]");
    }

    @Test
    void refusesADetailThatIsNotAnObject() {
        assertThatThrownBy(() -> LinkEventJson.fromJson(Fixtures.json("[1]")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("found an array of 1 item");
    }

    private static ObjectNode edited(java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode detail = (ObjectNode) Fixtures.json(OLD_DETAIL);
        edit.accept(detail);
        return detail;
    }
}
