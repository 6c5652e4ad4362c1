package dev.s3notify.core.templates;

import dev.s3notify.core.Digest;
import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import java.time.Instant;
import java.util.List;

/**
 * Realistic link events: formatted at start-up as a check, and sent by {@code s3notify send-test}; and a digest of
 * them, whose values the start-up check of a digest template renders with.
 */
public final class SampleEvents {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    static final LinkEvent CREATED = sample()
            .fileUrl("https://example-bucket.s3.us-east-1.amazonaws.com/samples/sample-report.pdf?X-Amz-Signature=0")
            .expirationTime("24 hours").size(1_572_864L).expiresAt(AT.plusSeconds(86_400))
            .contentType("application/pdf").build();
    static final LinkEvent DELETED = sample().eventType(EventType.DELETED).build();
    public static final List<LinkEvent> ALL = List.of(CREATED, DELETED);
    /** An index page's link, as the queue layer writes one for a digest. */
    public static final Link INDEX = new Link("https://example-bucket.s3.us-east-1.amazonaws.com/s3-notify-index/"
            + "sample.html?X-Amz-Signature=1", AT.plusSeconds(86_400));

    private SampleEvents() {
    }

    /**
     * @param template the digest template
     * @return a digest of the samples, with an index link
     */
    static Digest digest(Digest.Renderer template) {
        return Digest.builder(template).add(new Notification(CREATED, "", "sample-1"))
                .add(new Notification(DELETED, "", "sample-2")).indexLink(INDEX).id("startup-check").build();
    }

    private static LinkEvent.Builder sample() {
        return LinkEvent.builder().fileName("sample-report.pdf").bucket("example-bucket").timestamp(AT)
                .key("samples/sample-report.pdf").eventTime(AT).region("us-east-1").sourceEventId("sample");
    }
}
