package dev.s3notify.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.testkit.Digests;
import dev.s3notify.testkit.HostileInput;
import dev.s3notify.testkit.LinkEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MattermostDigestTest {
    private static final Link INDEX = new Link(HostileInput.longUrl("index.html", 1_500),
            Instant.parse("2026-11-22T00:00:00Z"));

    @Test
    void listsEveryFileAsAMarkdownLinkUnderTheSummary() {
        String url = HostileInput.url("a");
        JsonNode body = parse(format(Map.of(), List.of(HostileInput.created("up/a_1.pdf", url),
                HostileInput.deleted("up/b.pdf")), null).orElseThrow());

        JsonNode attachment = body.path("attachments").path(0);
        assertThat(attachment.path("text").asText()).isEqualTo("2 files changed in up/: 1 uploaded, 1 removed"
                + " (1.5 MB)\n- [a\\_1.pdf](" + url + ") (1.5 MB)\n- b.pdf (removed)");
        assertThat(attachment.path("fields").toString()).contains("Bucket", "example-uploads", "Total size");
        assertThat(attachment.has("title_link")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"attachment", "text"})
    void fitsADigestOf500HostileNamesInMattermostsLimitsThroughTheIndex(String format) {
        List<LinkEvent> files = HostileInput.files(500, 2_000);
        Map<String, String> settings = Map.of("MATTERMOST_FORMAT", format);

        assertThat(format(settings, files, null)).as("the links do not fit without an index").isEmpty();
        WebhookRequest request = format(settings, files, INDEX).orElseThrow();

        assertThat(request.body().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(MattermostFormatter.MAX_BODY_BYTES);
        JsonNode body = parse(request);
        MattermostLimits.assertWithinLimits(body);
        String text = format.equals("text") ? body.path("text").asText()
                : body.path("attachments").path(0).path("text").asText();
        assertThat(text).contains("… and ").contains("](" + INDEX.url() + ")").doesNotContain("@everyone", "@here",
                "<!channel>", "<@");
        for (String mention : List.of("@channel", "@all", "@here", "@everyone")) {
            assertThat(body.toString()).doesNotContain(mention);
        }
    }

    @Test
    void linksTheIndexFromTheAttachmentTitle() {
        JsonNode body = parse(format(Map.of(), HostileInput.files(500, 2_000), INDEX).orElseThrow());

        assertThat(body.path("attachments").path(0).path("title").asText()).isEqualTo("All 500 files");
        assertThat(body.path("attachments").path(0).path("title_link").asText()).isEqualTo(INDEX.url());
    }

    @Test
    void namesTheBucketsOfADigestAcrossBuckets() {
        LinkEvent other = LinkEvents.upload("up/b.pdf").bucket("other-bucket").fileUrl(HostileInput.url("b")).build();
        JsonNode body = parse(format(Map.of(), List.of(HostileInput.created("up/a.pdf", HostileInput.url("a")),
                other), null).orElseThrow());

        assertThat(body.path("attachments").path(0).path("fields").path(0).path("title").asText())
                .isEqualTo("Buckets");
    }

    private static Optional<WebhookRequest> format(Map<String, String> settings, List<LinkEvent> files, Link index) {
        WebhookFormatter formatter = MattermostEvents.formatter(settings);
        return formatter.formatDigest(Digests.of(formatter, MattermostEvents.PROVIDER.defaultDigestTemplate(), files,
                index));
    }

    private static JsonNode parse(WebhookRequest request) {
        return MattermostEvents.parse(request.body());
    }
}
