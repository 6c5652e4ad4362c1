package dev.s3notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlackTextTest {

    @Test
    void escapesOnlySlacksThreeControlCharacters() {
        assertThat(SlackText.escape("a & b < c > d *e* _f_ `g` \"h\" 'i' :j: #k"))
                .isEqualTo("a &amp; b &lt; c &gt; d *e* _f_ `g` \"h\" 'i' :j: #k");
    }

    @Test
    void escapesAnAmpersandThatAlreadyLooksLikeAnEntity() {
        assertThat(SlackText.escape("&lt;!channel&gt;")).isEqualTo("&amp;lt;!channel&amp;gt;");
    }

    @Test
    void defusesControlSequences() {
        assertThat(SlackText.escape("<!channel> <!here> <@U123> <#C1> <!subteam^S1> <https://evil|x>"))
                .isEqualTo("&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;#C1&gt; &lt;!subteam^S1&gt;"
                        + " &lt;https://evil|x&gt;");
    }

    @Test
    void breaksBroadcastWordsWithAZeroWidthSpaceButLeavesAddressesAlone() {
        assertThat(SlackText.escape("@everyone @HERE @channel ops@example.com @alice"))
                .isEqualTo("@\u200Beveryone @\u200BHERE @\u200Bchannel ops@example.com @alice");
    }

    @Test
    void replacesBidirectionalControlsSoTheyCannotReorderTheName() {
        assertThat(SlackText.escape("a\u202Eb\u2066c\u2069d")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
    }

    @Test
    void escapeLineTurnsControlCharactersIntoOneSpace() {
        assertThat(SlackText.escapeLine("a\r\n\tb\u0000c")).isEqualTo("a b c");
    }

    @Test
    void leavesTextWithinTheLimitUntouched() {
        assertThat(SlackText.fit("x".repeat(10), 10)).isEqualTo("x".repeat(10));
    }

    @Test
    void cutsToTheLimitWithTheEllipsisCountedInside() {
        assertThat(SlackText.fit("abcdefghijk", 10)).isEqualTo("abcdefghi…");
    }

    @Test
    void neverSplitsASurrogatePair() {
        assertThat(SlackText.fit("a" + "😀".repeat(10), 5)).isEqualTo("a😀…");
    }

    @Test
    void neverCutsInsideAnEntity() {
        assertThat(SlackText.fit("abcdef&amp;ghij", 9)).isEqualTo("abcdef…");
        assertThat(SlackText.fit("abcdef&lt;ghij", 12)).isEqualTo("abcdef&lt;g…");
    }

    @Test
    void dropsAControlSequenceRatherThanCuttingIt() {
        assertThat(SlackText.fit("see <https://example.com/long|the file> now", 20)).isEqualTo("see…");
        assertThat(SlackText.fit("<!date^1^{date}|x> and more text", 20)).isEqualTo("<!date^1^{date}|x>…");
    }

    @Test
    void dropsALinkRatherThanCuttingIt() {
        String link = "https://example.com/" + "p".repeat(40);
        assertThat(SlackText.fit("get " + link + " now", 30, List.of(link))).isEqualTo("get…");
    }

    @Test
    void cutsAtTheStartWhenTheFirstThingIsTooLongToKeep() {
        assertThat(SlackText.fit("<https://example.com/" + "p".repeat(40) + "|x>", 30)).isEqualTo("…");
    }
}
