package dev.s3notify.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.ObjectEvent;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lifetime a message states is the one the link really has; the builder sets and keeps every component. */
class LinkEventTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final ObjectEvent UPLOAD = ObjectEvent.builder().bucket("uploads").key("reports/q3.pdf").size(10L)
            .type(EventType.CREATED).eventTime(NOW).region("eu-west-1").sourceEventId("evt-1").build();

    @Test
    void statesTheConfiguredLifetimeWhenTheLinkLastsThatLong() {
        LinkEvent event = LinkEvent.of(UPLOAD, new Link("https://x/y", NOW.plus(Duration.ofDays(1))), 86400, NOW);

        assertThat(event.expirationTime()).isEqualTo("24 hours");
        assertThat(event.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void statesTheTimeLeftRoundedDownWhenTheSigningCredentialsEndSooner() {
        Instant sessionEnd = NOW.plus(Duration.ofHours(5).plusMinutes(43).plusSeconds(12));

        LinkEvent event = LinkEvent.of(UPLOAD, new Link("https://x/y", sessionEnd), 86400, NOW);

        assertThat(event.expirationTime()).isEqualTo("5 hours");
        assertThat(event.expiresAt()).isEqualTo(sessionEnd);
        assertThat(LinkEvent.of(UPLOAD, new Link("https://x/y", NOW.plusSeconds(3599)), 86400, NOW)
                .expirationTime()).isEqualTo("59 minutes");
        assertThat(LinkEvent.of(UPLOAD, new Link("https://x/y", NOW.plusSeconds(59)), 86400, NOW)
                .expirationTime()).isEqualTo("59 seconds");
    }

    @Test
    void statesTheConfiguredLifetimeForALinkThatDoesNotExpire() {
        assertThat(LinkEvent.of(UPLOAD, new Link("https://cdn/q3.pdf", null), 3600, NOW).expirationTime())
                .isEqualTo("1 hour");
        assertThat(LinkEvent.of(UPLOAD, null, 3600, NOW).expirationTime()).isNull();
    }

    @Test
    void buildsWithTheCurrentSchemaVersionAndCreatedUnlessTold() {
        LinkEvent event = LinkEvent.builder().fileName("q3.pdf").bucket("uploads").build();

        assertThat(event.schemaVersion()).isEqualTo(LinkEvent.SCHEMA_VERSION);
        assertThat(event.eventType()).isEqualTo(EventType.CREATED);
        assertThat(event.fileUrl()).isNull();
        assertThat(event.key()).isNull();
    }

    @Test
    void namesTheMissingFileName() {
        assertThatNullPointerException().isThrownBy(() -> LinkEvent.builder().bucket("uploads").build())
                .withMessageContaining("fileName");
    }

    @Test
    void namesTheMissingBucket() {
        assertThatNullPointerException().isThrownBy(() -> LinkEvent.builder().fileName("q3.pdf").build())
                .withMessageContaining("bucket");
    }

    @Test
    void namesTheMissingEventType() {
        assertThatNullPointerException()
                .isThrownBy(() -> LinkEvent.builder().fileName("q3.pdf").bucket("uploads").eventType(null).build())
                .withMessageContaining("eventType");
    }

    @Test
    void hasASetterForEveryComponent() {
        LinkEvent filled = RecordBuilders.filled(LinkEvent.class);

        assertThat(RecordBuilders.setAll(filled, LinkEvent.builder()).build()).isEqualTo(filled);
    }

    @Test
    void keepsEveryComponentThroughToBuilder() throws ReflectiveOperationException {
        LinkEvent filled = RecordBuilders.filled(LinkEvent.class);

        LinkEvent copy = filled.toBuilder().build();

        for (RecordComponent component : LinkEvent.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(copy)).as(component.getName())
                    .isEqualTo(component.getAccessor().invoke(filled));
        }
        assertThat(copy).isEqualTo(filled);
    }

    @Test
    void changesOnlyWhatIsSetOnACopy() {
        LinkEvent filled = RecordBuilders.filled(LinkEvent.class);

        LinkEvent moved = filled.toBuilder().bucket("elsewhere").build();

        assertThat(moved).isEqualTo(RecordBuilders.setAll(filled, LinkEvent.builder()).bucket("elsewhere").build());
        assertThat(filled.bucket()).isNotEqualTo("elsewhere");
    }
}
