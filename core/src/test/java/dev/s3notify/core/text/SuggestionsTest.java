package dev.s3notify.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void countsASwapOfNeighboursAsOneEdit() {
        assertThat(Suggestions.distance("rnu", "run")).isEqualTo(1);
        assertThat(Suggestions.distance("kinds", "kinds")).isZero();
        assertThat(Suggestions.distance("", "run")).isEqualTo(3);
        assertThat(Suggestions.distance("sendtest", "send-test")).isEqualTo(1);
    }

    @Test
    void allowsFewerEditsForShortWords() {
        List<String> known = List.of("run", "kinds", "send-test");
        assertThat(Suggestions.closest("rnu", known)).contains("run");
        assertThat(Suggestions.closest("xyz", known)).isEmpty();
        assertThat(Suggestions.closest("kindz", known)).contains("kinds");
        assertThat(Suggestions.closest("sned-tst", known)).contains("send-test");
        assertThat(Suggestions.didYouMean("zzzzzz", known)).isEmpty();
    }
}
