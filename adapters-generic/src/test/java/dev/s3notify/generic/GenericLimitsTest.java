package dev.s3notify.generic;

import static dev.s3notify.generic.GenericTestSupport.EVENT_ID;
import static dev.s3notify.generic.GenericTestSupport.JSON_TEMPLATE;
import static dev.s3notify.generic.GenericTestSupport.LINK;
import static dev.s3notify.generic.GenericTestSupport.created;
import static dev.s3notify.generic.GenericTestSupport.format;
import static dev.s3notify.generic.GenericTestSupport.formatter;
import static dev.s3notify.generic.GenericTestSupport.parse;
import static dev.s3notify.generic.GenericTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.MessageFit;
import dev.s3notify.core.error.S3NotifyException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile file names stay valid JSON, bodies stay within 256 KiB, and links are never cut. */
class GenericLimitsTest {
    private static final Map<String, String> JSON_BODY = Map.of("MESSAGE_TEMPLATE", JSON_TEMPLATE);

    @ParameterizedTest
    @ValueSource(strings = {
        "say \"hi\" \\ back\\slash.txt",
        "new\nline\r\ttab\u0000nul\u001fus\u007fdel.txt",
        "</script><script>alert(1)</script> <!-- & &amp;.html",
        "@everyone @here <!channel> <@U024BE7LH> <at>Boss</at>.txt",
        "**bold** `code` {\"a\":1} [x](http://evil) {{x}} %s.md",
        "🎉 \u202egnp.exe\u200b 👩‍👩‍👧 \u2028\u2029 é ü 中文.png",
        "\\\"}, \"injected\": true, \"x\": {\"",
    })
    void keepsAJsonTemplateValidForAnyFileName(String name) {
        LinkEvent event = created("uploads/" + name);
        JsonNode body = parse(format(JSON_BODY, event).body());

        assertThat(body.path("key").asText()).isEqualTo("uploads/" + name);
        assertThat(body.path("text").asText()).isEqualTo(event.fileName() + " (created) in example-uploads");
        assertThat(body.has("injected")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {4_000, 1_024})
    void keepsLongKeysWholeInJsonTemplatesAndDocuments(int length) {
        String key = length == 1_024 ? "📄".repeat(256) : "deep/" + "k".repeat(length - 9) + ".pdf";

        assertThat(parse(format(JSON_BODY, created(key)).body()).path("key").asText()).isEqualTo(key);
        assertThat(parse(format(Map.of(), created(key)).body()).path("data").path("key").asText()).isEqualTo(key);
    }

    @Test
    void keepsEveryCharacterOfAHostileNameInTheDocument() {
        String name = "a\"b\\c\nd\u0000e\u2028f<script>🎉.txt";
        JsonNode body = parse(format(Map.of(), created("x/" + name)).body());

        assertThat(body.path("data").path("fileName").asText()).isEqualTo(name);
        assertThat(body.path("message").asText()).startsWith(name + " was uploaded to example-uploads: ");
    }

    @Test
    void cutsALongDocumentMessageBeforeTheLinkAndKeepsTheLinkInData() {
        String message = "x".repeat(16_300) + " " + LINK + " (expires in 24 hours)";
        WebhookRequest request = MessageFit.request("generic", formatter(Map.of()),
                new Notification(created("a.pdf"), message, EVENT_ID));
        JsonNode body = parse(request.body());

        assertThat(body.path("message").asText()).isEqualTo("x".repeat(16_300) + "…");
        assertThat(body.path("data").path("fileUrl").asText()).isEqualTo(LINK);
    }

    @Test
    void cutsALongDocumentMessageByCodePoints() {
        String message = "📄".repeat(20_000);
        WebhookRequest request = MessageFit.request("generic", formatter(Map.of()),
                new Notification(created("a.pdf"), message, EVENT_ID));
        String cut = parse(request.body()).path("message").asText();

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(GenericFormatter.MAX_MESSAGE_CODE_POINTS);
        assertThat(cut).isEqualTo("📄".repeat(GenericFormatter.MAX_MESSAGE_CODE_POINTS - 1) + "…");
    }

    @Test
    void keepsALongLinkWholeInTheDocument() {
        String longLink = "https://example-bucket.s3.us-east-1.amazonaws.com/x?X-Amz-Signature=" + "a".repeat(1_930);
        JsonNode body = parse(format(Map.of(), created("a.txt", longLink)).body());

        assertThat(body.path("data").path("fileUrl").asText()).isEqualTo(longLink);
        assertThat(body.path("message").asText()).contains(longLink);
    }

    @Test
    void cutsATextBodyOver256KibBeforeTheLinkItWouldSplit() {
        String key = "k".repeat(4_000);
        String link = "https://example-bucket.s3.us-east-1.amazonaws.com/" + key + "?X-Amz-Signature="
                + "a".repeat(2_000);
        String template = String.join("", Collections.nCopies(65, "{{{key}}}")) + "{{{fileUrl}}}";
        WebhookRequest request = format(Map.of("MESSAGE_TEMPLATE", template, "WEBHOOK_CONTENT_TYPE", "text/plain"),
                created(key, link));

        assertThat(request.body()).isEqualTo(key.repeat(65) + "…");
        assertThat(request.body().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(256 * 1024);
    }

    @Test
    void cutsATextBodyOver256KibWithoutSplittingACharacter() {
        String key = "📄".repeat(512);
        String template = String.join(" ", Collections.nCopies(150, "{{{key}}}"));
        String body = format(Map.of("MESSAGE_TEMPLATE", template, "WEBHOOK_CONTENT_TYPE", "text/plain"),
                created(key)).body();

        assertThat(body).endsWith("…");
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isBetween(256 * 1024 - 6, 256 * 1024);
        assertThat(body.codePoints().filter(c -> Character.isSurrogate((char) c))).isEmpty();
    }

    @Test
    void refusesAJsonBodyOver256KibRatherThanBreakingIt() {
        LinkEvent event = created("k".repeat(4_000));
        String template = "[" + String.join(",", Collections.nCopies(70, "\"{{key}}\"")) + "]";

        assertThatThrownBy(() -> format(Map.of("MESSAGE_TEMPLATE", template), event))
                .isInstanceOf(S3NotifyException.class)
                .hasMessageContaining("MESSAGE_TEMPLATE rendered a JSON body of 280211 bytes")
                .hasMessageContaining("at most 262144");
    }
}
