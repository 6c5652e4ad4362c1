package dev.s3notify.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.text.TextUnit;

/** Telegram's published limits on a {@code sendMessage} body, checked on what the formatter made. */
final class TelegramLimits {
    private TelegramLimits() {
    }

    /** Text: 1 to 4,096 characters after parsing, well-formed HTML; a url button with an http(s) link. */
    static void assertWithin(JsonNode body) {
        String text = body.path("text").asText();
        assertThat(body.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(body.path("chat_id").isNumber() || body.path("chat_id").asText().startsWith("@")).isTrue();
        assertThat(TelegramHtml.visible(text)).as("text after parsing").isNotBlank();
        assertThat(TelegramHtml.visibleLength(text)).as("length after parsing").isLessThanOrEqualTo(4096);
        assertThat(TextUnit.UTF16_UNITS.length(text)).as("length before parsing").isLessThanOrEqualTo(4096);
        assertThat(TelegramHtml.finish(text)).as("tags closed, every < > & an entity").isEqualTo(text);
        for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                assertThat(button.path("text").asText()).isNotBlank().hasSizeLessThan(64);
                assertThat(button.path("url").asText()).matches("https?://.+").hasSizeLessThanOrEqualTo(2048);
            }
        }
    }

    /** A digest also keeps to the 100 entities Telegram applies, so every listed link works. */
    static void assertDigestWithin(JsonNode body) {
        assertWithin(body);
        assertThat(TelegramHtml.entityCount(body.path("text").asText())).isLessThanOrEqualTo(100);
    }
}
