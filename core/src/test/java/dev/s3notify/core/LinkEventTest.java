package dev.s3notify.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lifetime a message states is the one the link really has. */
class LinkEventTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final ObjectEvent UPLOAD = new ObjectEvent("uploads", "reports/q3.pdf", 10L, null, null,
            EventType.CREATED, NOW, "eu-west-1", "evt-1", null, null);

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
}
