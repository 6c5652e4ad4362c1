package dev.s3notify.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import org.junit.jupiter.api.Test;

/** The sample events are realistic, and a test changes only what it is about. */
class LinkEventsTest {

    @Test
    void buildsAnUploadWithALinkThatExpiresInADay() {
        LinkEvent event = LinkEvents.upload().build();

        assertThat(event.schemaVersion()).isEqualTo(LinkEvent.SCHEMA_VERSION);
        assertThat(event.eventType()).isEqualTo(EventType.CREATED);
        assertThat(event.bucket()).isEqualTo(LinkEvents.BUCKET);
        assertThat(event.key()).isEqualTo(LinkEvents.UPLOAD_KEY);
        assertThat(event.fileName()).isEqualTo("Q3 report.pdf");
        assertThat(event.fileUrl()).startsWith("https://example-uploads.s3.us-east-1.amazonaws.com/reports/2026/Q3%20");
        assertThat(event.expirationTime()).isEqualTo("24 hours");
        assertThat(event.expiresAt()).isEqualTo(LinkEvents.NOW.plusSeconds(86_400));
        assertThat(event.size()).isEqualTo(1_572_864L);
        assertThat(event.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void namesTheFileAfterTheLastSegmentOfTheKeyGiven() {
        LinkEvent event = LinkEvents.upload("a/b/c.txt").size(3L).build();

        assertThat(event.fileName()).isEqualTo("c.txt");
        assertThat(event.key()).isEqualTo("a/b/c.txt");
        assertThat(event.size()).isEqualTo(3L);
        assertThat(event.fileUrl()).isEqualTo(LinkEvents.link("a/b/c.txt"));
    }

    @Test
    void buildsADeletionWithoutLinkOrSize() {
        LinkEvent event = LinkEvents.deletion().build();

        assertThat(event.eventType()).isEqualTo(EventType.DELETED);
        assertThat(event.fileUrl()).isNull();
        assertThat(event.expirationTime()).isNull();
        assertThat(event.expiresAt()).isNull();
        assertThat(event.size()).isNull();
        assertThat(event.eventTime()).isEqualTo(LinkEvents.NOW);
    }

    @Test
    void buildsARestoreOfAVersionWithATwoHourLink() {
        LinkEvent event = LinkEvents.restore().build();

        assertThat(event.eventType()).isEqualTo(EventType.RESTORED);
        assertThat(event.fileUrl()).isEqualTo(LinkEvents.RESTORE_LINK);
        assertThat(event.versionId()).isNotNull();
        assertThat(event.expirationTime()).isEqualTo("2 hours");
        assertThat(event.region()).isEqualTo("eu-west-1");
    }

    @Test
    void buildsTheOldSystemsEventWithOnlyItsFiveFields() {
        LinkEvent event = LinkEvents.oldSystem().build();

        assertThat(event.schemaVersion()).isNull();
        assertThat(event.fileUrl()).isNotNull();
        assertThat(event.timestamp()).isNotNull();
        assertThat(event.size()).isNull();
        assertThat(event.eventTime()).isNull();
        assertThat(event.sourceEventId()).isNull();
    }

    @Test
    void keepsHostileInputsEventsAsTheyWere() {
        assertThat(HostileInput.created("x/y.pdf", "https://l")).isEqualTo(LinkEvents.upload("x/y.pdf")
                .fileUrl("https://l").build());
        assertThat(HostileInput.deleted("x/y.pdf").eTag()).isNull();
        assertThat(HostileInput.oldSystemEvent().eventType()).isEqualTo(EventType.CREATED);
    }
}
