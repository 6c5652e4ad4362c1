package dev.s3notify.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Notification;
import java.nio.charset.StandardCharsets;

/**
 * Builds the Workflows webhook body: a {@code message} whose one attachment is an Adaptive Card 1.4. The fixed parts
 * are capped so they always fit in Teams' 28 KB; core cuts the rendered message to what is left
 * ({@link TeamsFormatter#LIMITS}).
 */
final class TeamsCard {
    /** Teams refuses messages over "about 28 KB"; 28,000 bytes is under it whether a KB is 1,000 or 1,024. */
    static final int MAX_BODY_BYTES = 28_000;
    static final String NO_LINK_NOTE = "There is no Download button: the link is too long for Teams or is not a web"
            + " address.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TeamsCard() {
    }

    /**
     * @param notification the event and its rendered message (already escaped by the template, and fitted by core
     *     to {@link TeamsFormatter#LIMITS})
     * @return the JSON body
     */
    static String body(Notification notification) {
        return write(envelope(CardContent.of(notification.event()), notification.message()));
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    static ObjectNode envelope(CardContent content, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "message");
        ObjectNode attachment = root.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        attachment.set("content", card(content, message));
        return root;
    }

    private static ObjectNode card(CardContent content, String message) {
        ObjectNode card = JSON.createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        textBlock(body, content.title()).put("weight", "Bolder").put("size", "Medium");
        if (!message.isBlank()) {
            textBlock(body, message);
        }
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        content.facts().forEach(fact -> facts.addObject().put("title", fact.title()).put("value", fact.value()));
        if (content.linkLeftOut()) {
            textBlock(body, NO_LINK_NOTE).put("isSubtle", true).put("size", "Small");
        }
        if (content.link() != null) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", content.linkTitle())
                    .put("url", content.link());
        }
        card.putObject("msteams").put("width", "Full");
        return card;
    }

    private static ObjectNode textBlock(ArrayNode body, String text) {
        return body.addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
    }

    static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }
}
