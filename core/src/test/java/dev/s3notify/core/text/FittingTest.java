package dev.s3notify.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FittingTest {

    @Test
    void keepsTextThatFitsAsItIs() {
        assertThat(Fitting.longest("short", List.of(), List.of(), t -> t.length() <= 10)).contains("short");
    }

    @Test
    void findsTheLongestCutWhoseWholeFits() {
        String fitted = Fitting.longest("📄".repeat(100), List.of(), List.of(),
                t -> TextUnit.UTF8_BYTES.length("{\"text\":\"" + t + "\"}") <= 100).orElseThrow();

        assertThat(fitted).isEqualTo("📄".repeat(21) + "…");
    }

    @Test
    void keepsWholeWhatTheBoundariesProtect() {
        String text = "see https://example.com/" + "a".repeat(50) + " now";

        assertThat(Fitting.longest(text, List.of(Boundary.LINKS), List.of(), t -> t.length() <= 40)).contains("see…");
        assertThat(Fitting.longest("see <" + "b".repeat(50) + ">", List.of(), List.of("<" + "b".repeat(50) + ">"),
                t -> t.length() <= 40)).contains("see…");
    }

    @Test
    void findsNothingWhenNotEvenTheEmptyTextFits() {
        assertThat(Fitting.longest("anything", List.of(), List.of(), t -> false)).isEmpty();
    }
}
