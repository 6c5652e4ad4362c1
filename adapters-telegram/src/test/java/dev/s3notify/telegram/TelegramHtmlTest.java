package dev.s3notify.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.testkit.HostileInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelegramHtmlTest {

    @Test
    void escapesTheCharactersHtmlParseModeReserves() {
        assertThat(TelegramHtml.escape("<b>a & \"b\"</b>.pdf")).isEqualTo("&lt;b&gt;a &amp; &quot;b&quot;&lt;/b&gt;.pdf");
    }

    @Test
    void keepsAMarkupFileNameAsTextPeopleRead() {
        String html = TelegramHtml.finish("<b>" + TelegramHtml.escape(HostileInput.METACHAR_NAME) + "</b>");

        assertThat(TelegramHtml.visible(html)).isEqualTo(HostileInput.METACHAR_NAME.replace('\n', ' ')
                .replace('\t', ' '));
        assertThat(html).doesNotContain("<script>", "<https:evil|");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "@everyone.pdf          | @\u200Beveryone.pdf",
        "report @channel_admin  | report @\u200Bchannel_admin",
        "mail me@example.com    | mail me@\u200Bexample.com",
        "a @ b                  | a @ b",
    })
    void breaksEveryMentionWithAZeroWidthSpace(String name, String escaped) {
        assertThat(TelegramHtml.escape(name)).isEqualTo(escaped);
    }

    @Test
    void replacesLineBreaksAndBidiOverrides() {
        assertThat(TelegramHtml.escape("a\nb\tc" + HostileInput.BIDI_NAME)).isEqualTo("a b cinvoice\uFFFDfdp.exe");
    }

    @Test
    void escapesOnlyTheEntitiesOfAWholeLinkSoItWorksInAnHref() {
        String link = "https://b.s3.amazonaws.com/k@1?X-Amz-Credential=a%2Fb&X-Amz-Signature=00";

        assertThat(TelegramHtml.escape(link))
                .isEqualTo("https://b.s3.amazonaws.com/k@1?X-Amz-Credential=a%2Fb&amp;X-Amz-Signature=00");
    }

    @Test
    void closesTheTagsACutLeftOpen() {
        assertThat(TelegramHtml.finish("<b>Q3 <i><a href=\"https://x/?a=1&amp;b=2\">report…"))
                .isEqualTo("<b>Q3 <i><a href=\"https://x/?a=1&amp;b=2\">report…</a></i></b>");
    }

    @Test
    void turnsStrayAngleBracketsAndAmpersandsIntoEntities() {
        assertThat(TelegramHtml.finish("1 < 2 > 0 & R&D &amp; &#128196; &bogus;"))
                .isEqualTo("1 &lt; 2 &gt; 0 &amp; R&amp;D &amp; &#128196; &amp;bogus;");
    }

    @Test
    void escapesABareAmpersandOfARawLinkInAnHref() {
        assertThat(TelegramHtml.finish("<a href=\"https://x/?a=1&b=2\">get</a>"))
                .isEqualTo("<a href=\"https://x/?a=1&amp;b=2\">get</a>");
    }

    @Test
    void refusesATagTelegramDoesNotSupportNamingTheOnesItDoes() {
        assertThatThrownBy(() -> TelegramHtml.finish("line<br>next")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<br>").hasMessageContaining("a, b, blockquote, code");
    }

    @Test
    void refusesTagsClosedOutOfOrder() {
        assertThatThrownBy(() -> TelegramHtml.finish("<b><i>x</b></i>")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("closes </b> while <i> is open");
        assertThatThrownBy(() -> TelegramHtml.finish("x</b>")).hasMessageContaining("which is not open");
    }

    @Test
    void countsWhatTelegramCountsAfterParsing() {
        String html = "<b>📄 a&amp;b</b> <a href=\"https://example.com/" + "x".repeat(2_000) + "\">link</a> &#64;";

        assertThat(TelegramHtml.visible(html)).isEqualTo("📄 a&b link @");
        assertThat(TelegramHtml.visibleLength(html)).as("the emoji is two UTF-16 units").isEqualTo(13);
    }

    @Test
    void countsTagsAndBareLinksAsEntities() {
        assertThat(TelegramHtml.entityCount("<b>x</b> <a href=\"https://a\">a</a> https://b and http://c"))
                .isEqualTo(4);
    }
}
