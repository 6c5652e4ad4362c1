package dev.s3notify.teams;

import static dev.s3notify.teams.Events.FORMATTER;
import static dev.s3notify.teams.Events.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.LinkEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TeamsMarkdownTest {
    private static final String ZWSP = "\u200B";

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "**bold**|\\*\\*bold\\*\\*",
        "_it_|\\_it\\_",
        "[x](http://evil)|\\[x\\]\\(http://evil\\)",
        "~~s~~ # h|\\~\\~s\\~\\~ \\# h",
        "a\\b|a\\\\b",
        "report.pdf|report.pdf",
        "{\"a\":1} & < > `code`|{\"a\":1} & < > `code`"})
    void escapesTheMarkdownTeamsRenders(String text, String escaped) {
        assertThat(FORMATTER.escape(text)).isEqualTo(escaped);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "- item|\\- item",
        "+ item|\\+ item",
        "'  - item'|'  \\- item'",
        "2026. report.pdf|2026\\. report.pdf",
        "-|\\-",
        "1.txt|1.txt",
        "-draft.pdf|-draft.pdf",
        "a - b 1. c|a - b 1. c",
        "v1.2.pdf|v1.2.pdf"})
    void defusesAListMarkerOnlyAtTheStart(String text, String escaped) {
        assertThat(FORMATTER.escape(text)).isEqualTo(escaped);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "@everyone|@\u200Beveryone",
        "@Here now|@\u200BHere now",
        "@channel|@\u200Bchannel",
        "<at>Boss</at>|<\u200Bat>Boss</at>",
        "<AT>Boss</AT>|<\u200BAT>Boss</AT>",
        "<!channel>|<\u200B!channel>",
        "<@U024BE7LH> <@&42>|<\u200B@U024BE7LH> <\u200B@&42>",
        "ops@example.com|ops@example.com"})
    void breaksMentionsWithAZeroWidthSpace(String text, String escaped) {
        assertThat(FORMATTER.escape(text)).isEqualTo(escaped);
    }

    @Test
    void putsAValueOnOneLineSoItCannotStartAList() {
        assertThat(FORMATTER.escape("a\n- b\r\n1. c\td\u2028e")).isEqualTo("a - b  1. c d e");
    }

    @Test
    void dropsBidirectionalOverridesThatDisguiseAFileType() {
        assertThat(FORMATTER.escape("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FORMATTER.escape("a\u2066b\u2069c")).isEqualTo("abc");
    }

    @Test
    void keepsEmojiAndOtherScriptsIntact() {
        assertThat(FORMATTER.escape("🎉 Zürich 東京 👩‍👩‍👧.png")).isEqualTo("🎉 Zürich 東京 👩‍👩‍👧.png");
    }

    @Test
    void escapesTheTitleAndFactsItBuildsItself() {
        String name = "@everyone <at>Boss <!here> **x**.pdf";
        JsonNode card = Events.card(Events.format(Events.created("up/" + name, Events.url("e")), ""));
        String escaped = FORMATTER.escape(name);
        assertThat(card.path("body").path(0).path("text").asText()).isEqualTo(escaped);
        assertThat(card.path("body").path(1).path("facts").findValuesAsText("value")).contains("up/" + escaped);
    }

    @Test
    void escapesTheBucketFact() {
        LinkEvent event = LinkEvent.builder().fileName("a.pdf").fileUrl(Events.url("a")).bucket("@here_b")
                .expirationTime("24 hours").timestamp(Events.NOW).key("a.pdf").build();
        JsonNode card = Events.card(Events.format(event, ""));
        assertThat(card.path("body").path(1).path("facts").path(0).path("value").asText())
                .isEqualTo("@" + ZWSP + "here\\_b");
    }

    @Test
    void leavesNoMentionTokenAnywhereInTheBody() {
        String name = "@everyone @here <!channel> <at>Boss</at> <@U024BE7LH>.txt";
        List<String> texts = new ArrayList<>();
        collect(Events.tree(Events.format(Events.created("up/" + name, Events.url("p")), TEAMS.defaultTemplate())),
                texts);
        assertThat(texts).isNotEmpty().noneMatch(t -> t.contains("@everyone") || t.contains("@here")
                || t.contains("<at>") || t.contains("<!channel>") || t.contains("<@U"));
        assertThat(String.join(" ", texts)).contains("@" + ZWSP + "everyone");
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collect(child, out));
    }
}
