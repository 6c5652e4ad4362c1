package dev.s3notify.core.templates;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;

import java.time.Instant;
import java.util.List;

/** Realistic link events: formatted at start-up as a check, and sent by {@code s3notify send-test}. */
public final class SampleEvents {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    static final LinkEvent CREATED = new LinkEvent(LinkEvent.SCHEMA_VERSION, "sample-report.pdf",
            "https://example-bucket.s3.us-east-1.amazonaws.com/samples/sample-report.pdf?X-Amz-Signature=0",
            "example-bucket", "24 hours", AT, "samples/sample-report.pdf", 1_572_864L, null, null, EventType.CREATED,
            AT, AT.plusSeconds(86_400), "us-east-1", "sample", "application/pdf");
    static final LinkEvent DELETED = new LinkEvent(LinkEvent.SCHEMA_VERSION, "sample-report.pdf", null,
            "example-bucket", null, AT, "samples/sample-report.pdf", null, null, null, EventType.DELETED, AT, null,
            "us-east-1", "sample", null);
    public static final List<LinkEvent> ALL = List.of(CREATED, DELETED);

    private SampleEvents() {
    }
}
