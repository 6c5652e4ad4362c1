package dev.s3notify.core.decoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my+report.pdf                       | my report.pdf",
        "a%2Bb.txt                           | a+b.txt",
        "r%C3%A9sum%C3%A9+%F0%9F%93%84.pdf   | résumé 📄.pdf",
        "r%c3%a9sum%c3%a9.pdf                | résumé.pdf",
        "100%25.txt                          | 100%.txt",
        "Q3+report+%282024%29.pdf            | Q3 report (2024).pdf",
        "reports%2F2024%2F                   | reports/2024/"})
    void decodesPlusAsASpaceAndEscapesAsUtf8(String raw, String decoded) {
        assertThat(FormUrl.formDecode(raw)).isEqualTo(decoded);
    }

    @Test
    void leavesTextWithoutPlusOrEscapesAsItIs() {
        assertThat(FormUrl.formDecode("plain.txt")).isEqualTo("plain.txt");
        assertThat(FormUrl.formDecode("résumé (1).pdf")).isEqualTo("résumé (1).pdf");
        assertThat(FormUrl.formDecode("")).isEmpty();
    }

    @Test
    void refusesAPercentSignWithoutTwoHexDigitsNamingWhereItIs() {
        assertThatIllegalArgumentException().isThrownBy(() -> FormUrl.formDecode("100%"))
                .withMessage("'%' at index 3 is not an escape (% and two hex digits)");
        assertThatIllegalArgumentException().isThrownBy(() -> FormUrl.formDecode("%zz.txt"))
                .withMessage("'%zz' at index 0 is not an escape (% and two hex digits)");
        assertThatIllegalArgumentException().isThrownBy(() -> FormUrl.formDecode("a%4"))
                .withMessage("'%4' at index 1 is not an escape (% and two hex digits)");
    }

    @Test
    void refusesEscapesThatAreNotUtf8InsteadOfReplacingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> FormUrl.formDecode("x%C3.pdf"))
                .withMessage("the escapes '%C3' at index 1 are not UTF-8");
        assertThatIllegalArgumentException().isThrownBy(() -> FormUrl.formDecode("%FF%FE"))
                .withMessage("the escapes '%FF%FE' at index 0 are not UTF-8");
    }

    @Test
    void refusesDigitsOfOtherScriptsInAnEscape() {
        assertThatIllegalArgumentException().isThrownBy(() -> FormUrl.formDecode("%\u0663\u0663"))
                .withMessageContaining("at index 0 is not an escape");
    }
}
