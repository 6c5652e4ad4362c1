package dev.s3notify.googlechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.testkit.HostileInput;
import java.util.ArrayList;
import java.util.List;

/** What Google Chat accepts of a message, and what no file name may make of it, checked on a parsed body. */
final class ChatLimits {
    /** Chat's own mentions, which the test-kit's tokens (other platforms') do not cover. */
    static final List<String> CHAT_MENTIONS = List.of("<users/all>", "<users/", "<users");

    private ChatLimits() {
    }

    /** One card with a header, widgets of known kinds, buttons with whole web links, no mention anywhere. */
    static void assertWithin(JsonNode body) {
        assertThat(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(GoogleChatCard.MAX_BODY_BYTES);
        assertThat(body.path("cardsV2")).hasSize(1);
        JsonNode card = body.at("/cardsV2/0/card");
        assertThat(body.at("/cardsV2/0/cardId").asText()).isEqualTo(GoogleChatCard.CARD_ID);
        assertThat(card.at("/header/title").asText()).isNotBlank();
        JsonNode widgets = card.at("/sections/0/widgets");
        assertThat(widgets.size()).isLessThanOrEqualTo(100);
        for (JsonNode widget : widgets) {
            assertThat(widget.fieldNames().next()).isIn("decoratedText", "textParagraph", "buttonList");
            for (JsonNode button : widget.path("buttonList").path("buttons")) {
                assertThat(button.at("/onClick/openLink/url").asText()).startsWith("https://").doesNotEndWith("…")
                        .hasSizeLessThanOrEqualTo(CardContent.MAX_URL_LENGTH);
            }
        }
        assertNoMentions(body);
    }

    /** No string of the body holds Chat's mention syntax or another platform's. */
    static void assertNoMentions(JsonNode body) {
        List<String> tokens = new ArrayList<>(CHAT_MENTIONS);
        tokens.addAll(HostileInput.MENTION_TOKENS);
        for (String text : strings(body, new ArrayList<>())) {
            for (String token : tokens) {
                assertThat(text).as("a string in the body").doesNotContain(token);
            }
        }
    }

    private static List<String> strings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> strings(child, out));
        return out;
    }
}
