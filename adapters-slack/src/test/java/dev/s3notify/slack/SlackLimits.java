package dev.s3notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Slack's Block Kit limits, checked on a parsed body; shared by the contract test and the formatter tests. */
final class SlackLimits {
    /** A {@code <} that opens anything but a link or the date formatting we generate on purpose. */
    private static final Pattern OTHER_CONTROL = Pattern.compile("<(?!https?://|!date\\^\\d+\\^)");
    private static final Pattern LONE_SURROGATE =
            Pattern.compile("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

    private SlackLimits() {
    }

    static void assertWithinLimits(JsonNode body) {
        assertText(body.path("text"), 3000, "text");
        JsonNode blocks = body.path("blocks");
        assertThat(blocks.isArray()).as("blocks is a list").isTrue();
        assertThat(blocks.size()).as("blocks").isBetween(1, 50);
        for (JsonNode block : blocks) {
            switch (block.path("type").asText()) {
                case "header" -> assertTextObject(block.path("text"), "plain_text", 150);
                case "section" -> assertTextObject(block.path("text"), "mrkdwn", 3000);
                case "actions" -> assertButtons(block.path("elements"));
                case "context" -> assertContext(block.path("elements"));
                default -> throw new AssertionError("unexpected block " + block);
            }
        }
    }

    private static void assertButtons(JsonNode elements) {
        assertThat(elements.size()).as("actions elements").isBetween(1, 25);
        for (JsonNode button : elements) {
            assertThat(button.path("type").asText()).isEqualTo("button");
            assertTextObject(button.path("text"), "plain_text", 75);
            assertThat(button.path("url").asText()).as("button url").isNotEmpty().hasSizeLessThanOrEqualTo(3000)
                    .doesNotContain("|", "<", ">", " ");
        }
    }

    private static void assertContext(JsonNode elements) {
        assertThat(elements.size()).as("context elements").isBetween(1, 10);
        elements.forEach(element -> assertTextObject(element, "mrkdwn", 3000));
    }

    private static void assertTextObject(JsonNode text, String type, int limit) {
        assertThat(text.path("type").asText()).isEqualTo(type);
        assertText(text.path("text"), limit, type);
    }

    private static void assertText(JsonNode node, int limit, String what) {
        assertThat(node.isTextual()).as(what + " is text").isTrue();
        String text = node.asText();
        assertThat(text).as(what).isNotBlank().hasSizeLessThanOrEqualTo(limit);
        assertThat(LONE_SURROGATE.matcher(text).find()).as(what + " has no split surrogate pair").isFalse();
    }

    /**
     * @param text a text the formatter built from event fields, not from a template's literal text
     * @return whether it holds a {@code <} control sequence other than a link or a date
     */
    static boolean hasForeignControlSequence(String text) {
        Matcher matcher = OTHER_CONTROL.matcher(text);
        return matcher.find();
    }
}
