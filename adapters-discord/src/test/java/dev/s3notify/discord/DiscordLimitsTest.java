package dev.s3notify.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.LinkEvent;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Discord's limits on hostile input, with the largest settings allowed. */
class DiscordLimitsTest {
    private static final String LONG_KEY = "deep/" + "k".repeat(3_990) + ".pdf";
    private static final Map<String, String> LARGEST = Map.of("FOOTER_TEXT", "f".repeat(2048),
            "DISCORD_USERNAME", "@everyone " + "u".repeat(70));
    /** Every value, escaped, twice: a description far beyond 6000 characters for a long key. */
    private static final String GREEDY = "{{fileName}} {{key}} {{key}} {{bucket}} {{{fileUrl}}}";

    static Stream<Arguments> hostile() {
        String pinging = "@everyone <@&42> <#1> **x** [y](https://evil.example) `z` ||s||.txt";
        return Stream.of(
                Arguments.of("4000-character key", Events.created(LONG_KEY, Events.url("k"))),
                Arguments.of("1024-byte unicode key", Events.created("📄".repeat(256), Events.url("u"))),
                Arguments.of("mentions and markdown", Events.created("u/" + pinging, Events.url("p"))),
                Arguments.of("emoji", Events.created("🎉 👩‍👩‍👧 ‮gnp.exe.png", Events.url("e"))),
                Arguments.of("deleted with a long key", Events.deleted(LONG_KEY)),
                Arguments.of("huge bucket", bucket("b".repeat(3_000))),
                Arguments.of("old system", Events.oldSystem()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void staysWithinEveryLimitWhateverTheTemplate(String name, LinkEvent event) {
        for (String template : new String[] {Events.PROVIDER.defaultTemplate(), GREEDY, ""}) {
            EmbedLimits.assertWithin(Events.body(Events.format(event, template, LARGEST)));
        }
    }

    @Test
    void shortensTheDescriptionFirstToKeepTheEmbedWithin6000Characters() {
        JsonNode embed = Events.embed(Events.format(Events.created(LONG_KEY, Events.url("k")), GREEDY, LARGEST));
        int others = EmbedLimits.length(embed.path("title")) + EmbedLimits.length(embed.path("footer").path("text"))
                + embed.path("fields").findValues("name").stream().mapToInt(EmbedLimits::length).sum()
                + embed.path("fields").findValues("value").stream().mapToInt(EmbedLimits::length).sum();
        assertThat(embed.path("footer").path("text").asText()).isEqualTo("f".repeat(2048));
        assertThat(EmbedLimits.length(embed.path("title"))).isEqualTo(256);
        assertThat(EmbedLimits.length(embed.path("description"))).isEqualTo(6000 - others).isLessThan(4096);
        assertThat(embed.path("description").asText()).endsWith("…");
    }

    @Test
    void keepsAnEightyCharacterNameWithinTheLimitOnceNeutralised() {
        String username = Events.body(Events.format(Events.oldSystem(), "", LARGEST)).path("username").asText();
        assertThat(username).startsWith("@\u200Beveryone uuu").endsWith("u…");
        assertThat(DiscordEmbed.length(username)).isEqualTo(80);
    }

    @Test
    void capsTheDescriptionAt4096Characters() {
        JsonNode embed = Events.embed(Events.format(Events.created(LONG_KEY, Events.url("k")), GREEDY));
        assertThat(EmbedLimits.length(embed.path("description"))).isEqualTo(4096);
    }

    @Test
    void capsTheTitleAt256CharactersWithAnEllipsis() {
        String title = Events.embed(Events.format(Events.deleted(LONG_KEY), "")).path("title").asText();
        assertThat(title).startsWith("File removed: kkk").endsWith("…");
        assertThat(EmbedLimits.length(Events.embed(Events.format(Events.deleted(LONG_KEY), "")).path("title")))
                .isEqualTo(256);
    }

    @Test
    void keepsA1024ByteUnicodeNameWholeBecauseDiscordCountsCodePoints() {
        String name = "📄".repeat(256);
        assertThat(Events.embed(Events.format(Events.created(name, Events.url("u")), "")).path("title").asText())
                .isEqualTo(name);
    }

    @Test
    void capsAFieldValueAt1024Characters() {
        JsonNode fields = Events.embed(Events.format(bucket("b".repeat(3_000)), "")).path("fields");
        assertThat(fields.get(1).path("value").asText()).hasSize(1024).endsWith("b…");
    }

    @Test
    void keepsTheLinkInTheTitleWhenTheDescriptionHadToDropIt() {
        String link = Events.url("k");
        JsonNode embed = Events.embed(Events.format(Events.created(LONG_KEY, link),
                Events.PROVIDER.defaultTemplate()));
        assertThat(embed.path("url").asText()).isEqualTo(link);
        assertThat(embed.path("description").asText()).doesNotContain("https://").endsWith("…");
    }

    private static LinkEvent bucket(String bucket) {
        return Events.created("a.txt", Events.url("a")).toBuilder().bucket(bucket).build();
    }
}
