package dev.s3notify.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Discord's documented Execute Webhook and embed limits, in code points, asserted on a parsed body. */
final class EmbedLimits {
    private EmbedLimits() {
    }

    static void assertWithin(JsonNode body) {
        assertThat(body.path("content").isMissingNode() || body.path("content").asText().isEmpty()
                ? body.path("embeds").size() : 1).as("content or embeds").isPositive();
        assertThat(length(body.path("content"))).as("content").isLessThanOrEqualTo(2000);
        assertThat(length(body.path("username"))).as("username").isLessThanOrEqualTo(80);
        assertThat(body.path("allowed_mentions").path("parse").isArray()).as("allowed_mentions.parse").isTrue();
        assertThat(body.path("allowed_mentions").path("parse")).as("allowed_mentions.parse").isEmpty();
        assertThat(body.path("embeds").size()).as("embeds").isBetween(1, 10);
        int total = 0;
        for (JsonNode embed : body.path("embeds")) {
            assertThat(length(embed.path("title"))).as("title").isBetween(1, 256);
            assertThat(length(embed.path("description"))).as("description").isLessThanOrEqualTo(4096);
            assertThat(embed.path("url").asText().length()).as("url").isLessThanOrEqualTo(2048);
            assertThat(embed.path("color").asLong()).as("color").isBetween(0L, 16_777_215L);
            assertThat(length(embed.path("footer").path("text"))).as("footer").isLessThanOrEqualTo(2048);
            assertThat(length(embed.path("author").path("name"))).as("author").isLessThanOrEqualTo(256);
            assertThat(embed.path("fields").size()).as("fields").isLessThanOrEqualTo(25);
            total += length(embed.path("title")) + length(embed.path("description"))
                    + length(embed.path("footer").path("text")) + length(embed.path("author").path("name"));
            for (JsonNode field : embed.path("fields")) {
                assertThat(length(field.path("name"))).as("field name").isBetween(1, 256);
                assertThat(length(field.path("value"))).as("field value").isBetween(1, 1024);
                assertThat(field.path("value").asText()).as("field value").isNotBlank();
                total += length(field.path("name")) + length(field.path("value"));
            }
        }
        assertThat(total).as("characters across the embeds").isLessThanOrEqualTo(6000);
    }

    static int length(JsonNode text) {
        return text.isMissingNode() ? 0 : DiscordEmbed.length(text.asText());
    }
}
