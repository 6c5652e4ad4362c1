package dev.s3notify.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A server's text made fit to print: every known secret gone in every form it travels in, patterns besides. */
class ResponseTextTest {
    /** Shaped like an AWS secret access key: '/', '+' and '=' are what encodings change. */
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCY=EXAMPLEKEY";

    @Test
    void removesAKnownSecretRawUrlEncodedAndJsonEscaped() {
        String urlEncoded = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        String jsonEscaped = SECRET.replace("/", "\\/");
        String text = "raw " + SECRET + " form " + urlEncoded + " json {\"key\":\"" + jsonEscaped + "\"} spaced "
                + urlEncoded.replace("+", "%20");

        String safe = ResponseText.withoutSecrets(text, List.of(SECRET));

        assertThat(safe).doesNotContain(SECRET, urlEncoded, jsonEscaped, "EXAMPLEKEY", "K7MDENG")
                .contains("raw <redacted>", "form <redacted>", "\"key\":\"<redacted>\"");
    }

    @Test
    void quotesOnOneLineWithoutControlCharactersAndWithinTheLimit() {
        String quoted = ResponseText.quote("first\nsecond\u0007 \u202Eevil " + SECRET + " " + "x".repeat(500),
                List.of(SECRET), false);

        assertThat(quoted).doesNotContain("\n", "\u0007", "\u202E", SECRET).startsWith("first second");
        assertThat(quoted.length()).isLessThanOrEqualTo(ResponseText.QUOTE_LIMIT + 1);
    }

    @Test
    void dropsTheStartOfASecretThatABodyCutShortEndsWith() {
        String quoted = ResponseText.quote("error near " + SECRET.substring(0, 20), List.of(SECRET), true);

        assertThat(quoted).doesNotContain(SECRET.substring(0, 12)).startsWith("error near");
    }

    @Test
    void redactsCredentialShapedTextItWasNotTold() {
        String safe = ResponseText.withoutSecrets("key AKIAIOSFODNN7EXAMPLE, Authorization: Bearer abcdefgh12345678,"
                + " see https://hooks.example.com/services/T0/B0/abcdefghijklmnopqrstuvwx?token=t0ps3cr3t", List.of());

        assertThat(safe).doesNotContain("AKIAIOSFODNN7EXAMPLE", "abcdefgh12345678", "abcdefghijklmnopqrstuvwx",
                "t0ps3cr3t").contains("https://hooks.example.com/");
    }

    @Test
    void leavesWordsAloneThatOnlyASecretTooShortToSearchForWouldMatch() {
        assertThat(ResponseText.withoutSecrets("the queue is gone", List.of("queue", "", "gone"))).isEqualTo(
                "the queue is gone");
    }
}
