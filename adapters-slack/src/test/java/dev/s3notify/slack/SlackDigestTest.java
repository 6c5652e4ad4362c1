package dev.s3notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.testkit.Digests;
import dev.s3notify.testkit.HostileInput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackDigestTest {
    private static final Link INDEX = new Link("https://example-uploads.s3.amazonaws.com/index/b.html?X-Amz-Signature=1",
            Instant.parse("2026-11-22T00:00:00Z"));
    private final WebhookFormatter formatter = SlackEvents.formatter(Map.of());

    @Test
    void listsEveryFileAsAnMrkdwnLinkUnderTheSummaryHeader() {
        JsonNode body = parse(format(List.of(SlackEvents.created("up/a.pdf"),
                SlackEvents.created("up/<b>.pdf", SlackEvents.URL)), null).orElseThrow());

        assertThat(body.path("text").asText()).isEqualTo("2 files uploaded to up/ (3.0 MB)");
        assertThat(SlackEvents.blockTypes(body)).containsExactly("header", "section", "context");
        assertThat(body.path("blocks").path(1).path("text").path("text").asText())
                .isEqualTo("• <" + SlackEvents.URL + "|a.pdf> (1.5 MB)\n• <" + SlackEvents.URL + "|&lt;b&gt;.pdf> (1.5 MB)");
    }

    @Test
    void splitsAListLongerThanASectionAtLineEnds() {
        List<LinkEvent> files = HostileInput.files(20, 900);

        JsonNode body = parse(format(files, null).orElseThrow());

        List<JsonNode> sections = body.path("blocks").findParents("type").stream()
                .filter(block -> block.path("type").asText().equals("section")).toList();
        assertThat(sections).hasSizeGreaterThan(3);
        sections.forEach(s -> assertThat(s.path("text").path("text").asText()).doesNotStartWith("\n")
                .hasSizeLessThanOrEqualTo(3000));
        SlackLimits.assertWithinLimits(body);
    }

    @Test
    void asksForAnIndexWhenTheLinksDoNotFitAndThenOffersItOnAButton() {
        List<LinkEvent> files = HostileInput.files(200, 1_100);

        assertThat(format(files, null)).isEmpty();
        JsonNode body = parse(format(files, INDEX).orElseThrow());

        assertThat(SlackEvents.blockTypes(body)).endsWith("actions", "context").hasSizeLessThanOrEqualTo(50);
        JsonNode button = body.path("blocks").get(body.path("blocks").size() - 2).path("elements").path(0);
        assertThat(button.path("text").path("text").asText()).isEqualTo("All 200 files");
        assertThat(button.path("url").asText()).isEqualTo(INDEX.url());
        assertThat(body.toString()).contains("… and ").contains("|All 200 files, with their links>, until <!date^"
                + INDEX.expiresAt().getEpochSecond() + "^{date_short_pretty} {time}|2026-11-22T00:00:00Z>");
        SlackLimits.assertWithinLimits(body);
    }

    private Optional<WebhookRequest> format(List<LinkEvent> files, Link index) {
        return formatter.formatDigest(Digests.of(formatter, new SlackFormatterProvider().defaultDigestTemplate(),
                files, index));
    }

    private static JsonNode parse(WebhookRequest request) {
        try {
            return SlackEvents.JSON.readTree(request.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
