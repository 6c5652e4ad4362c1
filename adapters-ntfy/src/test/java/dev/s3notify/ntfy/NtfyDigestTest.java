package dev.s3notify.ntfy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.testkit.Digests;
import dev.s3notify.testkit.HostileInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NtfyDigestTest {
    private static final Link INDEX = new Link(HostileInput.longUrl("index.html", 1_500),
            Instant.parse("2026-11-22T00:00:00Z"));

    @Test
    void listsEveryFileWithItsLinkUnderTheSummaryTitle() {
        String url = HostileInput.url("a");
        JsonNode body = parse(format(List.of(HostileInput.created("up/a.pdf", url), HostileInput.deleted("up/b.pdf")),
                null).orElseThrow());

        assertThat(body.path("title").asText()).isEqualTo("2 files changed in up/: 1 uploaded, 1 removed (1.5 MB)");
        assertThat(body.path("message").asText()).isEqualTo("a.pdf " + url + "\nb.pdf (removed)");
        assertThat(body.has("actions")).isFalse();
    }

    @Test
    void fitsADigestOf500HostileNamesInNtfysLimitsThroughTheIndex() {
        List<LinkEvent> files = HostileInput.files(500, 2_000);

        assertThat(format(files, null)).as("the links do not fit without an index").isEmpty();
        WebhookRequest request = format(files, INDEX).orElseThrow();

        assertThat(request.body().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(NtfyFormatter.MAX_BODY_BYTES);
        JsonNode body = parse(request);
        NtfyLimits.assertWithinLimits(body);
        assertThat(body.path("message").asText()).contains("… and ").endsWith("All 500 files: " + INDEX.url());
        assertThat(body.path("actions").path(0).path("label").asText()).isEqualTo("All 500 files");
        assertThat(body.path("actions").path(0).path("url").asText()).isEqualTo(INDEX.url());
        assertThat(request.headers()).containsEntry("Authorization", "Bearer " + NtfyEvents.TOKEN);
    }

    private static Optional<WebhookRequest> format(List<LinkEvent> files, Link index) {
        WebhookFormatter formatter = NtfyEvents.formatter(Map.of("NTFY_ACCESS_TOKEN", NtfyEvents.TOKEN));
        return formatter.formatDigest(Digests.of(formatter, NtfyEvents.PROVIDER.defaultDigestTemplate(), files, index));
    }

    private static JsonNode parse(WebhookRequest request) {
        return NtfyEvents.parse(request.body());
    }
}
