package dev.s3notify.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.testkit.Digests;
import dev.s3notify.testkit.HostileInput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscordDigestTest {
    private static final Link INDEX = new Link("https://example-uploads.s3.amazonaws.com/index/b.html?X-Amz-Signature=1",
            Instant.parse("2026-11-22T00:00:00Z"));
    private final WebhookFormatter formatter = Events.formatter(Map.of("DISCORD_THREAD_ID", "42"));

    @Test
    void listsEveryFileAsAMarkdownLinkUnderTheSummary() {
        JsonNode embed = Events.embed(format(List.of(Events.created("up/a.pdf", Events.url("a")),
                Events.created("up/b_1.pdf", Events.url("b"))), null).orElseThrow());

        assertThat(embed.path("title").asText()).isEqualTo("📁 2 files uploaded to up/ (3.0 MB)");
        assertThat(embed.path("description").asText()).isEqualTo("• [a.pdf](" + Events.url("a") + ") (1.5 MB)\n"
                + "• [b\\_1.pdf](" + Events.url("b") + ") (1.5 MB)");
        assertThat(embed.has("url")).as("no index page, no title link").isFalse();
    }

    @Test
    void asksForAnIndexWhenTheLinksDoNotFitAndThenLinksItFromTheTitle() {
        List<LinkEvent> files = HostileInput.files(40, 1_000);

        assertThat(format(files, null)).isEmpty();
        WebhookRequest request = format(files, INDEX).orElseThrow();

        JsonNode embed = Events.embed(request);
        assertThat(embed.path("url").asText()).isEqualTo(INDEX.url());
        assertThat(embed.path("description").asText()).contains("… and ").endsWith("[All 40 files, with their links]("
                + INDEX.url() + "), until <t:" + INDEX.expiresAt().getEpochSecond() + ":f>");
        assertThat(DiscordEmbed.length(embed.path("description").asText())).isLessThanOrEqualTo(4096);
        assertThat(request.query()).containsEntry("wait", "true").containsEntry("thread_id", "42");
        EmbedLimits.assertWithin(Events.body(request));
    }

    @Test
    void neutralisesMentionsTypedIntoTheDigestTemplateItself() {
        List<LinkEvent> files = List.of(Events.created("up/a.pdf", Events.url("a")));
        String template = "@everyone @here <@&42> {{#files}}{{fileName}}{{/files}}";

        String description = Events.embed(formatter.formatDigest(Digests.of(formatter, template, files, null))
                .orElseThrow()).path("description").asText();

        assertThat(description).isEqualTo("@\u200Beveryone @\u200Bhere <\u200B@&42> a.pdf");
    }

    @Test
    void declaresDiscordsRateOfFiveRequestsPerTwoSeconds() {
        assertThat(formatter.rateLimit().requests()).isEqualTo(5);
        assertThat(formatter.rateLimit().per()).hasSeconds(2);
    }

    private Optional<WebhookRequest> format(List<LinkEvent> files, Link index) {
        return formatter.formatDigest(Digests.of(formatter, Events.PROVIDER.defaultDigestTemplate(), files, index));
    }
}
