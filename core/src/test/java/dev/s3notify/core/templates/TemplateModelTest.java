package dev.s3notify.core.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.testing.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TemplateModelTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0 bytes",
        "1, 1 byte",
        "1023, 1023 bytes",
        "1024, 1.0 KB",
        "1536, 1.5 KB",
        "1048575, 1.0 MB",
        "1048576, 1.0 MB",
        "5368709120, 5.0 GB",
        "1099511627775, 1.0 TB",
        "9223372036854775807, 8.0 EB"})
    void writesSizesForPeople(long bytes, String text) {
        assertThat(TemplateModel.sizeText(bytes)).isEqualTo(text);
    }

    @Test
    void leavesOutWhatTheOldSystemsEventsDoNotCarry() {
        TemplateModel model = TemplateModel.of(TestEvents.oldSystem(), "evt-1");

        assertThat(model.text("fileName")).isEqualTo("test-file.pdf");
        assertThat(model.text("timestamp")).isEqualTo("2024-01-01T12:00:00.123456Z");
        assertThat(model.text("eventType")).isEqualTo("created");
        for (String absent : new String[] {"size", "sizeText", "expiresAt", "expiresAtEpoch", "etag", "versionId",
            "region", "sourceEventId", "contentType", "eventTime"}) {
            assertThat(model.text(absent)).as(absent).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void flagsExactlyTheEventsType(EventType type) {
        LinkEvent event = LinkEvent.builder().schemaVersion(null).fileName("f").bucket("b").eventType(type).build();

        TemplateModel model = TemplateModel.of(event, "evt-1");

        assertThat(model.text("created")).isEqualTo(String.valueOf(type == EventType.CREATED));
        assertThat(model.text("deleted")).isEqualTo(String.valueOf(type == EventType.DELETED));
        assertThat(model.text("restored")).isEqualTo(String.valueOf(type == EventType.RESTORED));
        assertThat(model.text("restoreStarted")).isEqualTo(String.valueOf(type == EventType.RESTORE_STARTED));
        assertThat(model.text("restoreExpired")).isEqualTo(String.valueOf(type == EventType.RESTORE_EXPIRED));
        assertThat(model.text("eventType")).isEqualTo(type.wireName());
        assertThat(model.text("hasLink")).isEqualTo("false");
    }
}
