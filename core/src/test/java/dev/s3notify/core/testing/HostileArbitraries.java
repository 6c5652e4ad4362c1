package dev.s3notify.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.core.text.SafeText;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of hostile input for property tests, and what a clear error is ({@link S3NotifyException},
 * short, printable). The formatter property built on them is in the test-kit's {@code WebhookFormatterContract}.
 */
public final class HostileArbitraries {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("fileName", "fileUrl", "bucket", "expirationTime",
            "timestamp", "schemaVersion", "key", "size", "etag", "versionId", "eventType", "eventTime", "expiresAt",
            "region", "sourceEventId", "contentType", "futureField");
    private static final List<String> NASTY = List.of("@everyone", "@here", "<@123>", "<@&42>", "<!channel>",
            "<!here|here>", "<at>Boss</at>", "**b**", "[x](https://evil.example/p)", ") [pwn](https://evil.example/p",
            "<https://evil.example|click>", "`", "||s||", "\u202Egnp.exe", "\u001b[2J", "\u0000", "\"", "\\", "\n",
            "{{x}}", "%s", "📄", "👩‍👩‍👧", "\uD800", "é", "&amp;", "<script>", "https://evil.example/a?token=t0k",
            "X-Amz-Signature=planted");

    private HostileArbitraries() {
    }

    /** @return text of any code unit, mention and markdown syntax, control and bidi characters, 0 to 5,000 long */
    public static Arbitrary<String> text() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of(NASTY), Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(6), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
        Arbitrary<String> joined = pieces.list().ofMaxSize(12).map(list -> String.join("", list));
        Arbitrary<String> huge = Arbitraries.of(NASTY).flatMap(piece -> Arbitraries.integers().between(100, 5_000)
                .map(times -> piece.repeat(Math.max(1, times / Math.max(1, piece.length())))));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, joined), net.jqwik.api.Tuple.of(1, huge),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    }

    /** @return a link, a link with hostile parts, or something that is not a link */
    public static Arbitrary<String> links() {
        Arbitrary<String> path = Arbitraries.strings().withChars("abcXYZ019-._~%()!*'/,;=:").ofMaxLength(40);
        Arbitrary<String> good = path.map(p -> "https://uploads.s3.us-east-1.amazonaws.com/" + p
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc123");
        return Arbitraries.oneOf(good, good.map(url -> url + "a".repeat(2_000)), text(),
                Arbitraries.of("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                        "http://evil.example/x", "https://a.example/x) [pwn](https://evil.example/p"));
    }

    /** @return a JSON value of the wrong kind for a field, or hostile text */
    private static Arbitrary<JsonNode> value(String field) {
        Arbitrary<JsonNode> strings = (field.equals("fileUrl") ? links() : text()).map(JSON.getNodeFactory()::textNode);
        Arbitrary<JsonNode> wrong = Arbitraries.of("42", "-1", "1.5", "true", "null", "{}", "[]", "{\"name\":\"b\"}",
                "\"2026-11-21T17:16:21Z\"", "\"created\"", "\"other-type\"", "\"2\"", "99999999999999999999")
                .map(HostileArbitraries::json);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, strings), net.jqwik.api.Tuple.of(1, wrong));
    }

    /** @return a detail object: a valid one with some fields replaced by hostile values, some removed */
    public static Arbitrary<JsonNode> linkEventDetails() {
        Arbitrary<List<String>> touched = Arbitraries.of(FIELDS).list().ofMinSize(1).ofMaxSize(5);
        return touched.flatMap(fields -> Combinators.combine(fields.stream().map(HostileArbitraries::value)
                .toList()).as(values -> {
                    ObjectNode detail = (ObjectNode) json("{\"schemaVersion\":\"1\",\"fileName\":\"a.pdf\","
                            + "\"key\":\"r/a.pdf\",\"bucket\":\"uploads\",\"eventType\":\"created\",\"fileUrl\":"
                            + "\"https://uploads.s3.amazonaws.com/r/a.pdf?X-Amz-Signature=abc\",\"size\":1536,"
                            + "\"expirationTime\":\"24 hours\"}");
                    for (int i = 0; i < fields.size(); i++) {
                        detail.set(fields.get(i), values.get(i));
                    }
                    return detail;
                }));
    }

    /** @return templates made of valid pieces: names escaped, the link raw, sections, hostile literal text */
    public static Arbitrary<String> templates(String defaultTemplate) {
        Arbitrary<String> name = Arbitraries.of(TemplateModel.NAMES);
        // The template's own text is the operator's: mentions written there are theirs, so none are generated.
        Arbitrary<String> literal = text().map(t -> t.replace("{", "(").replace("}", ")").replace("%", "pct")
                        .replace("@", "(at)").replace("<", "(lt)"))
                .map(t -> t.length() > 300 ? t.substring(0, 300) : t);
        Arbitrary<String> piece = Arbitraries.oneOf(literal, name.map(n -> "{{" + n + "}}"),
                // {{{name}}} is the operator saying "as is": documented for links only, so only the link is raw.
                Arbitraries.just("{{{fileUrl}}}"), name.map(n -> "{{#" + n + "}}[" + n + "]{{/" + n + "}}"),
                name.map(n -> "{{^" + n + "}}no " + n + "{{/" + n + "}}"));
        return Arbitraries.oneOf(Arbitraries.just(defaultTemplate),
                piece.list().ofMaxSize(12).map(pieces -> String.join("", pieces)));
    }

    /** @param e an error that must be one a person can read: short, one sentence or a few, nothing unprintable */
    public static void assertClear(Throwable e) {
        assertThat(e).isInstanceOf(S3NotifyException.class);
        assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(2_000);
        assertThat(e.getMessage().codePoints().filter(c -> c != '\n' && SafeText.unsafe(c)).count())
                .as("unprintable characters in " + e.getMessage()).isZero();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
