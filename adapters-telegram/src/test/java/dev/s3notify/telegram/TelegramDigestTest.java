package dev.s3notify.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.TextUnit;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.testkit.Digests;
import dev.s3notify.testkit.HostileInput;
import dev.s3notify.testkit.LinkEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramDigestTest {
    private static final Link INDEX = new Link("https://example-uploads.s3.amazonaws.com/index/d1.html?X-Amz-Signature="
            + "0".repeat(64), Instant.parse("2026-11-22T17:16:21Z"));
    private final WebhookFormatter formatter = Messages.formatter(Map.of());

    private Optional<WebhookRequest> digest(List<LinkEvent> files, Link index) {
        return formatter.formatDigest(Digests.of(formatter, Messages.PROVIDER.defaultDigestTemplate(), files, index));
    }

    @ParameterizedTest(name = "links of {0} characters")
    @ValueSource(ints = {200, 600, 2_000})
    void fitsADigestOf500HostileNamesIn4096CharactersBeforeAndAfterParsing(int linkLength) {
        JsonNode body = Messages.json(digest(HostileInput.files(500, linkLength), INDEX).orElseThrow());
        String text = body.path("text").asText();

        assertThat(TextUnit.UTF16_UNITS.length(text)).as("before parsing").isLessThanOrEqualTo(4096);
        assertThat(TelegramHtml.visibleLength(text)).as("after parsing").isLessThanOrEqualTo(4096);
        assertThat(TelegramHtml.entityCount(text)).isLessThanOrEqualTo(100);
        assertThat(text).contains("… and ").contains(" more\n<a href=\"" + INDEX.url().replace("&", "&amp;"));
        TelegramLimits.assertDigestWithin(body);
    }

    @Test
    void listsAtMost100EntitiesOfShortLinksSoEveryListedLinkWorks() {
        // Lines of about 35 characters: 4,096 would hold more than 100 of them.
        List<LinkEvent> files = IntStream.range(0, 500).mapToObj(i -> LinkEvents.upload("u/" + i)
                .fileUrl("https://e.co/" + i).size(null).build()).toList();
        String text = Messages.json(digest(files, INDEX).orElseThrow()).path("text").asText();

        assertThat(TelegramHtml.entityCount(text)).isBetween(95, 100);
        assertThat(TextUnit.UTF16_UNITS.length(text)).isLessThan(4096);
    }

    @Test
    void neverLetsAHostileNamePingAnyone() {
        String text = Messages.json(digest(HostileInput.files(40, 200), INDEX).orElseThrow()).path("text").asText();

        // Telegram mentions only @username: "<@123>" and "<!channel>" are text there, and stay visible as such.
        assertThat(TelegramHtml.visible(text)).doesNotContainPattern("@[\\p{L}\\p{N}_]").contains("<!channel>");
    }

    @Test
    void asksForTheIndexWhenNotEveryLinkFits() {
        assertThat(digest(HostileInput.files(500, 200), null)).isEmpty();
    }

    @Test
    void linksTheIndexFromAButton() {
        JsonNode button = Messages.json(digest(HostileInput.files(500, 200), INDEX).orElseThrow())
                .path("reply_markup").path("inline_keyboard").path(0).path(0);

        assertThat(button.path("text").asText()).isEqualTo("All 500 files");
        assertThat(button.path("url").asText()).isEqualTo(INDEX.url());
    }

    @Test
    void listsEveryFileOfASmallDigestWithItsLink() {
        List<LinkEvent> files = List.of(HostileInput.created("up/a.pdf", HostileInput.url("a")),
                HostileInput.created("up/b b.pdf", HostileInput.url("b")), HostileInput.deleted("up/c.pdf"));
        JsonNode body = Messages.json(digest(files, null).orElseThrow());

        assertThat(body.path("text").asText()).startsWith("<b>📁 3 files changed in up/")
                .contains("• <a href=\"" + HostileInput.url("a").replace("&", "&amp;") + "\">a.pdf</a>")
                .contains("• <a href=\"" + HostileInput.url("b").replace("&", "&amp;") + "\">b b.pdf</a>")
                .endsWith("• c.pdf (removed)");
        assertThat(body.has("reply_markup")).isFalse();
    }
}
