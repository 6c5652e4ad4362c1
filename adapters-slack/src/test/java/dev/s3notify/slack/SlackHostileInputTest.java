package dev.s3notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a hostile file name or link can do to a Slack message: nothing beyond showing as typed. */
class SlackHostileInputTest {
    private static final String DEFAULT = new SlackFormatterProvider().defaultTemplate();
    private static final String PINGS = "@everyone @here @Channel <@U024BE7LH> <!channel> <!here|here> <!subteam^S1>";

    @Test
    void aFileNameCannotPingAnyoneAnywhereInTheMessage() {
        for (EventType type : List.of(EventType.CREATED, EventType.DELETED)) {
            JsonNode body = SlackEvents.format(SlackEvents.named(PINGS, type), DEFAULT);
            for (String text : texts(body)) {
                assertThat(text).doesNotContain("@everyone", "@here", "@Channel", "<@U", "<!channel", "<!here",
                        "<!subteam");
                assertThat(SlackLimits.hasForeignControlSequence(text)).as(text).isFalse();
            }
        }
    }

    @Test
    void aFileNameShapedLikeALinkRendersAsLiteralText() {
        JsonNode body = SlackEvents.format(SlackEvents.named("<https://evil.example|click> & co.pdf",
                EventType.CREATED), DEFAULT);

        assertThat(header(body)).isEqualTo("&lt;https://evil.example|click&gt; &amp; co.pdf");
        assertThat(section(body)).startsWith(":file_folder: *&lt;https://evil.example|click&gt; &amp; co.pdf*")
                .doesNotContain("<https://evil");
        assertThat(body.path("text").asText()).isEqualTo("New file: &lt;https://evil.example|click&gt; &amp; co.pdf");
    }

    @Test
    void aLineBreakInTheNameStaysOutOfTheHeader() {
        JsonNode body = SlackEvents.format(SlackEvents.named("a\nb\r\n\tc.txt", EventType.CREATED), DEFAULT);

        assertThat(header(body)).isEqualTo("a b c.txt");
        assertThat(body.path("text").asText()).isEqualTo("New file: a b c.txt");
    }

    @Test
    void aFourThousandCharacterKeyIsCutWithAnEllipsisAndTheButtonKeepsTheLink() {
        JsonNode body = SlackEvents.format(SlackEvents.created("deep/" + "k".repeat(3_990) + ".pdf"), DEFAULT);

        assertThat(header(body)).hasSize(150).isEqualTo("k".repeat(149) + "…");
        assertThat(section(body)).hasSize(3000).endsWith("k…").doesNotContain("https://");
        assertThat(body.path("text").asText()).hasSize(3000).endsWith("k…");
        assertThat(body.path("blocks").get(2).path("elements").get(0).path("url").asText()).isEqualTo(SlackEvents.URL);
        SlackLimits.assertWithinLimits(body);
    }

    @Test
    void aUnicodeKeyIsCutBetweenCharactersNeverInsideOne() {
        JsonNode body = SlackEvents.format(SlackEvents.created("📄".repeat(256)), DEFAULT);

        assertThat(header(body)).isEqualTo("📄".repeat(74) + "…");
        SlackLimits.assertWithinLimits(body);
    }

    @Test
    void aBidirectionalOverrideCannotDisguiseTheExtension() {
        JsonNode body = SlackEvents.format(SlackEvents.named("invoice\u202Efdp.exe", EventType.CREATED), DEFAULT);

        assertThat(header(body)).isEqualTo("invoice\uFFFDfdp.exe");
    }

    @Test
    void aLinkLongerThanSlackAcceptsIsLeftOutWholeAndTheMessageSaysSo() {
        String longUrl = "https://example-uploads.s3.amazonaws.com/a.txt?X-Amz-Signature=" + "a".repeat(3_000);
        JsonNode body = SlackEvents.format(SlackEvents.created("a.txt", longUrl), DEFAULT);

        assertThat(SlackEvents.blockTypes(body)).containsExactly("header", "section", "context");
        assertThat(section(body)).isEqualTo(":file_folder: *a.txt* was uploaded to *example-uploads*.…");
        assertThat(body.toString()).doesNotContain("X-Amz-Signature");
        assertThat(body.path("blocks").get(2).path("elements").get(3).path("text").asText())
                .contains("link is longer than Slack accepts");
        SlackLimits.assertWithinLimits(body);
    }

    @Test
    void aLinkThatFitsIsKeptWholeInTextAndButton() {
        String url = "https://example-uploads.s3.amazonaws.com/a.txt?X-Amz-Signature=" + "b".repeat(2_900);
        JsonNode body = SlackEvents.format(SlackEvents.created("a.txt", url), "{{{fileUrl}}}");

        assertThat(section(body)).isEqualTo(url);
        assertThat(body.path("blocks").get(2).path("elements").get(0).path("url").asText()).isEqualTo(url);
    }

    @Test
    void truncationDropsALinkRatherThanCuttingIt() {
        String url = "https://example-uploads.s3.amazonaws.com/a.txt?X-Amz-Signature=" + "c".repeat(1_000);
        String name = "n".repeat(2_500) + ".txt";
        JsonNode body = SlackEvents.format(SlackEvents.created(name, url), "{{fileName}} {{{fileUrl}}} tail");

        assertThat(section(body)).isEqualTo(name + "…");
    }

    @Test
    void aLinkWithPipeOrAngleBracketsIsPercentEncodedEverywhere() {
        String url = "https://files.example/a|b>c<!channel>";
        JsonNode body = SlackEvents.format(SlackEvents.created("a.txt", url), DEFAULT);

        assertThat(section(body)).contains("<https://files.example/a%7Cb%3Ec%3C!channel%3E|Download>");
        assertThat(body.path("blocks").get(2).path("elements").get(0).path("url").asText())
                .isEqualTo("https://files.example/a%7Cb%3Ec%3C!channel%3E");
        assertThat(body.toString()).doesNotContain("a|b", "<!channel");
    }

    @Test
    void aLinkSlackWouldRefuseGetsNoButtonButTheMessageIsSent() {
        JsonNode body = SlackEvents.format(SlackEvents.created("a.txt", "https://files.example/a b.txt"), DEFAULT);

        assertThat(SlackEvents.blockTypes(body)).containsExactly("header", "section", "context");
        assertThat(section(body)).contains("<https://files.example/a b.txt|Download>");
    }

    private static String header(JsonNode body) {
        return body.path("blocks").get(0).path("text").path("text").asText();
    }

    private static String section(JsonNode body) {
        return body.path("blocks").get(1).path("text").path("text").asText();
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> out.addAll(texts(child)));
        return out;
    }
}
