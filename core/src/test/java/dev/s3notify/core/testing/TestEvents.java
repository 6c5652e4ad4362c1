package dev.s3notify.core.testing;

import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import java.time.Instant;

/** Link events for tests: one with every field, a deletion, and the old system's five fields. */
public final class TestEvents {
    public static final String LINK = "https://uploads.s3.eu-west-1.amazonaws.com/reports/Q1_summary.pdf"
            + "?X-Amz-Expires=86400&X-Amz-Signature=abc123";
    static final Instant MADE = Instant.parse("2024-05-01T12:34:57.123Z");

    private TestEvents() {
    }

    public static LinkEvent created() {
        return LinkEvent.builder().fileName("Q1_summary.pdf").fileUrl(LINK).bucket("uploads")
                .expirationTime("24 hours").timestamp(MADE).key("reports/Q1_summary.pdf").size(1536L)
                .eTag("b1946ac92492d2347c6235b4d2611184").versionId("IYV3p45BT0ac8hjHg1houSdS1a.Mro8e")
                .eventType(EventType.CREATED).eventTime(Instant.parse("2024-05-01T12:34:56Z"))
                .expiresAt(Instant.parse("2024-05-02T12:34:57.123Z")).region("eu-west-1")
                .sourceEventId("17793124-05d4-b198-2fde-7ededc63b103").contentType("application/pdf").build();
    }

    public static LinkEvent deleted() {
        return LinkEvent.builder().fileName("Q1_summary.pdf").bucket("uploads").timestamp(MADE)
                .key("reports/Q1_summary.pdf").versionId("1QW9g1Z99LUNbvaaYVpW9xDlOLU.qxgF")
                .eventType(EventType.DELETED).eventTime(Instant.parse("2024-05-01T12:34:56Z")).region("eu-west-1")
                .sourceEventId("2ee9cc15-d022-99ea-1fb8-1b1bac4850f9").build();
    }

    public static LinkEvent oldSystem() {
        return LinkEvent.builder().schemaVersion(null).fileName("test-file.pdf")
                .fileUrl("https://bucket.s3.amazonaws.com/test-file.pdf?Signature=x").bucket("bucket")
                .expirationTime("24 hours").timestamp(Instant.parse("2024-01-01T12:00:00.123456Z"))
                .key("test-file.pdf").build();
    }
}
