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
        return new LinkEvent("1", "Q1_summary.pdf", LINK, "uploads", "24 hours", MADE, "reports/Q1_summary.pdf", 1536L,
                "b1946ac92492d2347c6235b4d2611184", "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e", EventType.CREATED,
                Instant.parse("2024-05-01T12:34:56Z"), Instant.parse("2024-05-02T12:34:57.123Z"), "eu-west-1",
                "17793124-05d4-b198-2fde-7ededc63b103", "application/pdf");
    }

    public static LinkEvent deleted() {
        return new LinkEvent("1", "Q1_summary.pdf", null, "uploads", null, MADE, "reports/Q1_summary.pdf", null, null,
                "1QW9g1Z99LUNbvaaYVpW9xDlOLU.qxgF", EventType.DELETED, Instant.parse("2024-05-01T12:34:56Z"), null,
                "eu-west-1", "2ee9cc15-d022-99ea-1fb8-1b1bac4850f9", null);
    }

    public static LinkEvent oldSystem() {
        return new LinkEvent(null, "test-file.pdf", "https://bucket.s3.amazonaws.com/test-file.pdf?Signature=x",
                "bucket", "24 hours", Instant.parse("2024-01-01T12:00:00.123456Z"), "test-file.pdf", null, null, null,
                EventType.CREATED, null, null, null, null, null);
    }
}
