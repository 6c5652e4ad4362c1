package dev.s3notify.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Notification;
import dev.s3notify.core.text.TextLimit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Workflows webhook body: a {@code message} whose one attachment is an Adaptive Card 1.4, within
 * Teams' 28 KB. The fixed parts are capped so they always fit; the rendered message gets what is left.
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
     * @param notification the event and its rendered message (already escaped by the template)
     * @return the JSON body, at most {@link #MAX_BODY_BYTES} bytes
     */
    static String body(Notification notification) {
        return fitted(CardContent.of(notification.event()), notification.message(),
                links(notification.event().fileUrl()));
    }

    /**
     * @param content the card's fixed parts
     * @param message the message text, cut to fit when it must
     * @param links the links in the message, kept whole
     * @return the JSON body, at most {@link #MAX_BODY_BYTES} bytes
     */
    static String fitted(CardContent content, String message, List<String> links) {
        String json = write(envelope(content, message));
        if (bytes(json) <= MAX_BODY_BYTES) {
            return json;
        }
        int budget = MAX_BODY_BYTES - bytes(write(envelope(content, "x"))) + 1;
        int limit = longestPrefixWithin(message, budget - bytes(TextLimit.ELLIPSIS)) + 1;
        while (true) {
            json = write(envelope(content, TextLimit.codePoints(limit).cut(message, links)));
            int overflow = bytes(json) - MAX_BODY_BYTES;
            if (overflow <= 0 || limit == 0) {
                return json;
            }
            // Only if the estimate was off: every code point cut frees at least one byte.
            limit = Math.max(0, limit - overflow - 1);
        }
    }

    /** @return how many code points of the text fit in {@code budget} bytes once written as a JSON string */
    static int longestPrefixWithin(String text, int budget) {
        int used = 0;
        int count = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            used += jsonBytes(text.codePointAt(i));
            if (used > budget) {
                break;
            }
            count++;
        }
        return count;
    }

    private static int jsonBytes(int cp) {
        if (cp == '"' || cp == '\\' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\b' || cp == '\f') {
            return 2;
        }
        if (cp < 0x20) {
            return 6;
        }
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** @return the link as a template inserts it, escaped ({{fileUrl}}) and raw ({{{fileUrl}}}) */
    private static List<String> links(String url) {
        List<String> links = new ArrayList<>();
        if (url != null) {
            links.add(TeamsMarkdown.escape(url));
            links.add(url);
        }
        return links;
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
