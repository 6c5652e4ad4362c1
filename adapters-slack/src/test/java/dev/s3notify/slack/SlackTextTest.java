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
        assertThat(SlackMessage.TEXT.withMax(10).cut("x".repeat(10))).isEqualTo("x".repeat(10));
    }

    @Test
    void cutsToTheLimitWithTheEllipsisCountedInside() {
        assertThat(SlackMessage.TEXT.withMax(10).cut("abcdefghijk")).isEqualTo("abcdefghi…");
    }

    @Test
    void neverSplitsASurrogatePair() {
        assertThat(SlackMessage.TEXT.withMax(5).cut("a" + "😀".repeat(10))).isEqualTo("a😀…");
    }

    @Test
    void neverCutsInsideAnEntity() {
        assertThat(SlackMessage.TEXT.withMax(9).cut("abcdef&amp;ghij")).isEqualTo("abcdef…");
        assertThat(SlackMessage.TEXT.withMax(12).cut("abcdef&lt;ghij")).isEqualTo("abcdef&lt;g…");
    }

    @Test
    void dropsAControlSequenceRatherThanCuttingIt() {
        assertThat(SlackMessage.TEXT.withMax(20).cut("see <https://example.com/long|the file> now")).isEqualTo("see…");
        assertThat(SlackMessage.TEXT.withMax(20).cut("<!date^1^{date}|x> and more text")).isEqualTo("<!date^1^{date}|x>…");
    }

    @Test
    void dropsALinkRatherThanCuttingIt() {
        String link = "https://example.com/" + "p".repeat(40);
        assertThat(SlackMessage.TEXT.withMax(30).cut("get " + link + " now", List.of(link))).isEqualTo("get…");
    }

    @Test
    void cutsAtTheStartWhenTheFirstThingIsTooLongToKeep() {
        assertThat(SlackMessage.TEXT.withMax(30).cut("<https://example.com/" + "p".repeat(40) + "|x>")).isEqualTo("…");
    }
}
