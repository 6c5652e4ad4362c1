package dev.s3notify.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscordTextTest {
    private static final String ZWSP = "\u200B";

    @Test
    void escapesInlineMarkdownAnywhere() {
        assertThat(DiscordText.escape("a **b** _c_ ~~d~~ `e` ||f|| [g](h) <i> \\j"))
                .isEqualTo("a \\*\\*b\\*\\* \\_c\\_ \\~\\~d\\~\\~ \\`e\\` \\|\\|f\\|\\| \\[g\\]\\(h\\) \\<i> \\\\j");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "# heading        | \\# heading",
        "-# subtext       | \\-# subtext",
        "> quote          | \\> quote",
        ">>> quote        | \\>>> quote",
        "- item           | \\- item",
        "+ item           | \\+ item",
        "12. item         | 12\\. item",
        "\"  # indented\" | \"  \\# indented\"",
        "my-file #2 > v1.pdf | my-file #2 > v1.pdf",
        "1.5 MB           | 1.5 MB"})
    void escapesLineMarkersOnlyWhereTheyCouldStartALine(String value, String escaped) {
        assertThat(DiscordText.escape(value)).isEqualTo(escaped);
    }

    @Test
    void turnsLineBreaksAndOtherControlCharactersIntoSpaces() {
        assertThat(DiscordText.escape("a\n# b\r\tc\u0000")).isEqualTo("a # b  c ");
    }

    @Test
    void neutralisesEveryoneAndHere() {
        assertThat(DiscordText.escape("@everyone and @here")).isEqualTo("@" + ZWSP + "everyone and @" + ZWSP + "here");
    }

    @Test
    void neutralisesUserRoleAndChannelMentions() {
        assertThat(DiscordText.neutralise("<@123> <@!123> <@&42> <#7>"))
                .isEqualTo("<" + ZWSP + "@123> <" + ZWSP + "@!123> <" + ZWSP + "@&42> <" + ZWSP + "#7>");
        assertThat(DiscordText.escape("<@&42>")).isEqualTo("\\<" + ZWSP + "@&42>");
    }

    @Test
    void leavesOrdinaryAtSignsAlone() {
        assertThat(DiscordText.escape("alice@example.com")).isEqualTo("alice@example.com");
    }

    @Test
    void leavesAWholeLinkUsableButStillNeutralised() {
        String link = "https://b.s3.amazonaws.com/a_b%20(1).pdf?X-Amz-Signature=0a";
        assertThat(DiscordText.escape(link)).isEqualTo(link);
        assertThat(DiscordText.escape("https://x.example/@everyone")).isEqualTo("https://x.example/@" + ZWSP + "everyone");
    }

    @Test
    void escapesTextThatOnlyBeginsLikeALink() {
        assertThat(DiscordText.escape("https://x.example/a [b](c)"))
                .isEqualTo("https://x.example/a \\[b\\]\\(c\\)");
    }

    @Test
    void declaresItsDescriptionLimitInCodePointsKeepingLinksWhole() {
        String text = "Uploaded.\n[Download](https://example.com/" + "x".repeat(100) + ") now";
        assertThat(DiscordEmbed.DESCRIPTION.withMax(60).cut(text)).isEqualTo("Uploaded.…");
        assertThat(DiscordEmbed.DESCRIPTION.length("📄".repeat(256))).isEqualTo(256);
    }
}
