package dev.s3notify.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextLimitTest {

    @Test
    void keepsTextThatFits() {
        assertThat(TextLimit.codePoints(256).cut("📄".repeat(256))).isEqualTo("📄".repeat(256));
        assertThat(TextLimit.utf16Units(10).cut("x".repeat(10))).isEqualTo("x".repeat(10));
    }

    @Test
    void cutsWithAnEllipsisInsideTheLimitWithoutSplittingASurrogatePair() {
        String cut = TextLimit.codePoints(256).cut("📄".repeat(300));

        assertThat(cut).isEqualTo("📄".repeat(255) + "…");
        assertThat(TextUnit.CODE_POINTS.length(cut)).isEqualTo(256);
        assertThat(TextLimit.utf16Units(5).cut("a" + "😀".repeat(10))).isEqualTo("a😀…");
    }

    @Test
    void countsUtf8BytesForByteLimits() {
        String cut = TextLimit.utf8Bytes(10).cut("ééééééé");

        assertThat(cut).as("the ellipsis is 3 bytes").isEqualTo("ééé…");
        assertThat(TextUnit.UTF8_BYTES.length(cut)).isLessThanOrEqualTo(10);
        assertThat(TextUnit.UTF8_BYTES.length("a€📄")).isEqualTo(1 + 3 + 4);
    }

    @Test
    void neverLeavesAHalfEscapeBeforeTheEllipsis() {
        assertThat(TextLimit.codePoints(5).cut("abc\\*def")).isEqualTo("abc…");
        assertThat(TextLimit.codePoints(5).cut("ab\\\\cdef")).isEqualTo("ab\\\\…");
    }

    @Test
    void dropsWhiteSpaceBeforeTheEllipsis() {
        assertThat(TextLimit.codePoints(6).cut("abcd  efgh")).isEqualTo("abcd…");
    }

    @Test
    void isEmptyWhenNotEvenTheEllipsisFits() {
        assertThat(TextLimit.codePoints(0).cut("abc")).isEmpty();
        assertThat(TextLimit.utf8Bytes(2).cut("abc")).isEmpty();
    }

    @Test
    void cutsBeforeAMarkdownLinkOrABareLinkRatherThanThroughIt() {
        TextLimit limit = TextLimit.codePoints(60).keeping(Boundary.LINKS);

        assertThat(limit.cut("Uploaded.\n[Download](https://example.com/" + "x".repeat(100) + ") now"))
                .isEqualTo("Uploaded.…");
        assertThat(limit.cut("see https://example.com/" + "x".repeat(100))).isEqualTo("see…");
        assertThat(limit.withMax(40).cut("[a](https://e.com/1) " + "y".repeat(100)))
                .startsWith("[a](https://e.com/1) yyy").hasSize(40);
    }

    @Test
    void cutsBeforeEntitiesAndControlSequencesWhenAskedTo() {
        TextLimit slack = TextLimit.utf16Units(9).keeping(Boundary.ANGLE_BRACKETS, Boundary.ENTITIES);

        assertThat(slack.cut("abcdef&amp;ghij")).isEqualTo("abcdef…");
        assertThat(slack.withMax(12).cut("abcdef&lt;ghij")).isEqualTo("abcdef&lt;g…");
        assertThat(slack.withMax(20).cut("see <https://example.com/long|the file> now")).isEqualTo("see…");
        assertThat(slack.withMax(20).cut("<!date^1^{date}|x> and more text")).isEqualTo("<!date^1^{date}|x>…");
    }

    @Test
    void keepsGivenStringsWholeOrCutsThemOffEntirely() {
        String link = "https://example.com/" + "p".repeat(30);

        assertThat(TextLimit.utf16Units(30).cut("get " + link + " now", List.of(link))).isEqualTo("get…");
        assertThat(TextLimit.utf16Units(30).cut("get " + link + " now")).hasSize(30);
    }
}
