package dev.s3notify.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void quotesAtMostTwoHundredCharactersOfAHugeValue() {
        String quoted = SafeText.quote("k".repeat(10_000_000));

        assertThat(quoted).hasSize(SafeText.QUOTE_LIMIT + 3).startsWith("\"kkk").endsWith("k…\"");
    }

    @Test
    void stripsTerminalEscapesNulAndBidiOverrides() {
        String quoted = SafeText.quote("a\u001b[31mred\u0000b\u202Egpj.exe\u2066c\u009bd\u200Fe");

        assertThat(quoted).isEqualTo("\"a[31mredbgpj.execde\"");
    }

    @Test
    void turnsLineBreaksIntoSpacesInAQuoteButKeepsThemInAMessage() {
        assertThat(SafeText.quote("a\r\nb\tc")).isEqualTo("\"a  b c\"");
        assertThat(SafeText.message("one\n  - two\u001b\u202E")).isEqualTo("one\n  - two");
    }

    @Test
    void showsALinkByItsSchemeAndHostOnly() {
        String quoted = SafeText.quote("before https://discord.com/api/webhooks/123/TOKEN-abc?wait=true after "
                + "http://user:pw@127.0.0.1:9000/b/k.txt?X-Amz-Signature=f00 end");

        assertThat(quoted).isEqualTo("\"before https://discord.com/… after http://127.0.0.1:9000/… end\"")
                .doesNotContain("TOKEN-abc").doesNotContain("pw").doesNotContain("f00");
    }

    @Test
    void redactsCredentialParametersOutsideAWholeLink() {
        String text = "k.txt?X-Amz-Credential=AKIAEXAMPLE%2F2026&X-Amz-Security-Token=IQoJb3&sig=abc&token=t0k&"
                + "size=12";

        assertThat(SafeText.signingParameters(text)).isEqualTo("k.txt?X-Amz-Credential=<redacted>&"
                + "X-Amz-Security-Token=<redacted>&sig=<redacted>&token=<redacted>&size=12");
    }

    @Test
    void neverSplitsASurrogatePairAndReplacesALoneOne() {
        String cut = SafeText.cut("a".repeat(SafeText.QUOTE_LIMIT - 1) + "📄📄", SafeText.QUOTE_LIMIT);

        assertThat(cut).endsWith("a…");
        assertThat(SafeText.quote("x\uD800y")).isEqualTo("\"x\uFFFDy\"");
    }

    @Test
    void boundsALogValueAndLeavesAShortOneAlone() {
        assertThat(SafeText.logValue("reports/Q3 résumé 📄.pdf")).isEqualTo("reports/Q3 résumé 📄.pdf");
        assertThat(SafeText.logValue("z".repeat(5_000_000))).hasSize(SafeText.LOG_VALUE_LIMIT + 1);
    }
}
