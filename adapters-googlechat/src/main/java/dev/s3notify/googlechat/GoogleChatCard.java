package dev.s3notify.googlechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Builds the incoming webhook's message: the rendered {@code text} (left out when empty), one {@code cardsV2} card
 * (header, facts, the Download button) and, with a thread key, {@code thread.threadKey}. The card's parts are capped
 * so they always fit in Chat's 32,000 bytes; core cuts the text to what is left ({@link GoogleChatFormatter#LIMITS}).
 */
final class GoogleChatCard {
    /** Google Chat's limit for a whole message, text and cards together. */
    static final int MAX_BODY_BYTES = 32_000;
    static final String CARD_ID = "s3-notify";
    static final String NO_LINK_NOTE = "<i>There is no Download button: the link is too long for a button or is not"
            + " a web address.</i>";

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoogleChatCard() {
    }

    /**
     * @param content what the card shows
     * @param text the message text, already escaped and fitted
     * @param threadKey the thread's key, or null
     * @return the message
     */
    static ObjectNode message(CardContent content, String text, String threadKey) {
        ObjectNode root = JSON.createObjectNode();
        if (!text.isBlank()) {
            root.put("text", text);
        }
        ObjectNode card = root.putArray("cardsV2").addObject().put("cardId", CARD_ID).putObject("card");
        ObjectNode header = card.putObject("header").put("title", content.title());
        if (!content.subtitle().isBlank()) {
            header.put("subtitle", content.subtitle());
        }
        ArrayNode widgets = card.putArray("sections").addObject().putArray("widgets");
        content.facts().forEach(fact -> widgets.addObject().putObject("decoratedText").put("topLabel", fact.label())
                .put("text", fact.value()).put("wrapText", true));
        if (content.linkLeftOut()) {
            widgets.addObject().putObject("textParagraph").put("text", NO_LINK_NOTE);
        }
        if (content.link() != null) {
            widgets.addObject().putObject("buttonList").putArray("buttons").addObject()
                    .put("text", content.linkLabel()).putObject("onClick").putObject("openLink")
                    .put("url", content.link());
        }
        if (threadKey != null) {
            root.putObject("thread").put("threadKey", threadKey);
        }
        return root;
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }
}
