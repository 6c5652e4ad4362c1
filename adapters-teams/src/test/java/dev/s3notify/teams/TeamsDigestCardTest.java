package dev.s3notify.teams;

import static dev.s3notify.teams.Events.FORMATTER;
import static dev.s3notify.teams.Events.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.testkit.Digests;
import dev.s3notify.testkit.HostileInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamsDigestCardTest {
    private static final Link INDEX = new Link("https://example-uploads.s3.amazonaws.com/index/b.html?X-Amz-Signature=1",
            Instant.parse("2026-11-22T00:00:00Z"));

    @Test
    void listsEveryFileAsAMarkdownLinkUnderTheSummaryTitle() {
        JsonNode card = Events.card(format(List.of(Events.created("up/a.pdf", Events.url("a")),
                Events.created("up/[b].pdf", Events.url("b"))), null).orElseThrow());

        assertThat(card.path("body").path(0).path("text").asText()).isEqualTo("📁 2 files uploaded to up/ (3.0 MB)");
        assertThat(card.path("body").path(1).path("text").asText()).isEqualTo("- [a.pdf](" + Events.url("a")
                + ") (1.5 MB)\n- [\\[b\\].pdf](" + Events.url("b") + ") (1.5 MB)");
        assertThat(card.path("body").path(2).path("facts").findValuesAsText("title")).containsExactly("Bucket",
                "Total size");
        assertThat(card.has("actions")).as("no index page, no button").isFalse();
    }

    @Test
    void asksForAnIndexWhenTheLinksDoNotFitAndThenOffersItOnAButton() {
        List<LinkEvent> files = HostileInput.files(200, 1_100);

        assertThat(format(files, null)).isEmpty();
        WebhookRequest request = format(files, INDEX).orElseThrow();

        assertThat(request.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(28_000)
                .isGreaterThan(20_000);
        JsonNode card = Events.card(request);
        assertThat(card.path("actions").path(0).path("title").asText()).isEqualTo("All 200 files");
        assertThat(card.path("actions").path(0).path("url").asText()).isEqualTo(INDEX.url());
        assertThat(card.path("body").path(1).path("text").asText()).contains("… and ")
                .endsWith("[All 200 files, with their links](" + INDEX.url() + "), until 2026-11-22T00:00:00Z");
    }

    @Test
    void declaresOneRequestASecond() {
        assertThat(FORMATTER.rateLimit().interval()).hasSeconds(1);
    }

    private static Optional<WebhookRequest> format(List<LinkEvent> files, Link index) {
        return FORMATTER.formatDigest(Digests.of(FORMATTER, TEAMS.defaultDigestTemplate(), files, index));
    }
}
