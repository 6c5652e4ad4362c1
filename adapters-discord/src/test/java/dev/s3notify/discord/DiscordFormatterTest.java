package dev.s3notify.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DiscordFormatterTest {
    static final String CUSTOM_TEMPLATE = "{{#deleted}}Gone: {{key}}{{/deleted}}"
            + "{{^deleted}}{{fileName}} ({{sizeText}}) is ready: {{{fileUrl}}}{{/deleted}}";
    static final Map<String, String> CUSTOM_SETTINGS = Map.of("DISCORD_USERNAME", "Finance uploads",
            "DISCORD_AVATAR_URL", "https://example.com/avatar.png", "EMBED_COLOR", "15158332",
            "FOOTER_TEXT", "Sent by s3-notify", "DISCORD_THREAD_ID", "1234567890123456789");

    static LinkEvent q3() {
        return Events.created("reports/Q3 report.pdf", Events.url("reports/Q3%20report.pdf"));
    }

    static Stream<Arguments> goldenPayloads() {
        String defaultTemplate = Events.PROVIDER.defaultTemplate();
        LinkEvent restored = Events.event("archive/2019/ledger.xlsx", Events.url("archive/2019/ledger.xlsx"),
                EventType.RESTORED);
        return Stream.of(
                Arguments.of("created-default-template.json", q3(), defaultTemplate, Map.of()),
                Arguments.of("deleted-default-template.json", Events.deleted("reports/old.pdf"), defaultTemplate,
                        Map.of()),
                Arguments.of("restored-default-template.json", restored, defaultTemplate, Map.of()),
                Arguments.of("old-system-default-template.json", Events.oldSystem(), defaultTemplate, Map.of()),
                Arguments.of("created-custom-template.json", q3(), CUSTOM_TEMPLATE, CUSTOM_SETTINGS),
                Arguments.of("deleted-custom-template.json", Events.deleted("reports/old.pdf"), CUSTOM_TEMPLATE,
                        CUSTOM_SETTINGS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenPayloads")
    void postsTheExpectedPayload(String fixture, LinkEvent event, String template, Map<String, String> settings) {
        assertThat(Events.body(Events.format(event, template, settings))).isEqualTo(Events.fixture(fixture));
    }

    @Test
    void alwaysAsksDiscordToWaitSoARefusedMessageIsAnError() {
        WebhookRequest request = Events.format(q3(), Events.PROVIDER.defaultTemplate());
        assertThat(request.query()).isEqualTo(Map.of("wait", "true"));
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.headers()).isEmpty();
    }

    @Test
    void postsIntoTheConfiguredThread() {
        WebhookRequest request = Events.format(q3(), "", Map.of("DISCORD_THREAD_ID", "1234567890123456789"));
        assertThat(request.query()).isEqualTo(Map.of("wait", "true", "thread_id", "1234567890123456789"));
    }

    @Test
    void showsWhenTheLinkExpiresAsADiscordRelativeTimestamp() {
        JsonNode fields = Events.embed(Events.format(q3(), "")).path("fields");
        long expires = Events.NOW.plusSeconds(86_400).getEpochSecond();
        assertThat(fields.findValuesAsText("name")).containsExactly("Size", "Bucket", "Expires");
        assertThat(fields.get(2).path("value").asText()).isEqualTo("<t:" + expires + ":R>");
    }

    @Test
    void leavesOutFieldsWhoseValueIsUnknown() {
        JsonNode embed = Events.embed(Events.format(Events.oldSystem(), ""));
        assertThat(embed.path("fields").findValuesAsText("name")).containsExactly("Bucket");
        assertThat(embed.path("timestamp").asText()).isEqualTo("2024-01-01T12:00:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("titles")
    void titlesTheEmbedWithWhatHappenedToTheFile(EventType type, String title) {
        String link = type.downloadable() ? Events.url("a/b.pdf") : null;
        assertThat(Events.embed(Events.format(Events.event("a/b.pdf", link, type), "")).path("title").asText())
                .isEqualTo(title);
    }

    static Stream<Arguments> titles() {
        return Stream.of(Arguments.of(EventType.CREATED, "b.pdf"),
                Arguments.of(EventType.DELETED, "File removed: b.pdf"),
                Arguments.of(EventType.RESTORED, "File restored: b.pdf"),
                Arguments.of(EventType.RESTORE_STARTED, "Restore started: b.pdf"),
                Arguments.of(EventType.RESTORE_EXPIRED, "Restored copy expired: b.pdf"));
    }

    @Test
    void keepsALinkTooLongForTheEmbedUrlWholeInTheDescription() {
        String link = Events.url("x") + "&X-Amz-Security-Token=" + "T".repeat(2_500);
        JsonNode embed = Events.embed(Events.format(Events.created("a.txt", link),
                Events.PROVIDER.defaultTemplate()));
        assertThat(embed.has("url")).isFalse();
        assertThat(embed.path("description").asText()).contains("[Download](" + link + ")");
    }

    @Test
    void linksTheTitleToTheFile() {
        assertThat(Events.embed(Events.format(q3(), "")).path("url").asText())
                .isEqualTo(Events.url("reports/Q3%20report.pdf"));
    }

    @Test
    void keepsALinkInsertedWithDoubleBracesUsable() {
        String escaped = Events.embed(Events.format(q3(), "{{fileUrl}}")).path("description").asText();
        String raw = Events.embed(Events.format(q3(), "{{{fileUrl}}}")).path("description").asText();
        assertThat(escaped).isEqualTo(raw).isEqualTo(Events.url("reports/Q3%20report.pdf"));
    }

    @Test
    void neutralisesMentionsInTheConfiguredNameAndFooter() {
        JsonNode body = Events.body(Events.format(q3(), "", Map.of("DISCORD_USERNAME", "Bot @everyone <@&42>",
                "FOOTER_TEXT", "@here <#99> <@1>")));
        assertThat(body.path("username").asText()).isEqualTo("Bot @\u200Beveryone <\u200B@&42>");
        assertThat(body.path("embeds").path(0).path("footer").path("text").asText())
                .isEqualTo("@\u200Bhere <\u200B#99> <\u200B@1>");
        assertThat(body.path("allowed_mentions").path("parse").isArray()).isTrue();
        assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
    }

    @Test
    void neutralisesMentionsTypedIntoTheMessageTemplateItself() {
        String description = Events.embed(Events.format(q3(), "@everyone @HERE <@&42> <#1> {{fileName}}"))
                .path("description").asText();

        assertThat(description).isEqualTo("@\u200Beveryone @\u200BHERE <\u200B@&42> <\u200B#1> Q3 report.pdf");
    }

    @Test
    void leavesTheDescriptionOutWhenTheTemplateRendersNothing() {
        JsonNode embed = Events.embed(Events.format(q3(), ""));
        assertThat(embed.has("description")).isFalse();
        assertThat(embed.path("title").asText()).isEqualTo("Q3 report.pdf");
    }

    @Test
    void titlesAFileWithoutANameByItsKey() {
        LinkEvent folder = Events.created("reports/", Events.url("reports/"));
        assertThat(Events.embed(Events.format(folder, "")).path("title").asText()).isEqualTo("reports/");
    }

    @Test
    void saysWhatHappenedInTheDefaultTemplateForEveryEventType() {
        for (EventType type : List.of(EventType.values())) {
            String link = type.downloadable() ? Events.url("a/b.pdf") : null;
            String description = Events.embed(Events.format(Events.event("a/b.pdf", link, type),
                    Events.PROVIDER.defaultTemplate())).path("description").asText();
            assertThat(description).as(type.wireName()).contains("**b.pdf**").contains("**example-uploads**");
        }
    }

    @Test
    void documentsTheDefaultTemplateInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("```\n" + Events.PROVIDER.defaultTemplate() + "\n```");
    }
}
