package dev.s3notify.teams;

import static dev.s3notify.teams.Events.FORMATTER;
import static dev.s3notify.teams.Events.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsCardTest {
    private static final int MAX = 28_000;

    @Test
    void shortensA4000CharacterKeyEverywhereAndStaysWithin28KB() {
        String key = "deep/" + "k".repeat(3_990) + ".pdf";
        WebhookRequest request = Events.format(Events.created(key, Events.url("long")), TEAMS.defaultTemplate());
        Events.keep("hostile-4000-char-key", request);
        JsonNode card = Events.card(request);
        assertThat(bytes(request)).isLessThanOrEqualTo(MAX);
        assertThat(card.path("body").path(0).path("text").asText()).hasSize(256).endsWith("k…");
        assertThat(keyFact(card)).hasSize(1_024).startsWith("deep/kkk").endsWith("k…");
        assertThat(card.path("actions").path(0).path("url").asText()).isEqualTo(Events.url("long"));
    }

    @Test
    void cutsLongTemplateOutputWithAnEllipsisToFit28KB() {
        String key = "deep/" + "k".repeat(3_990) + ".pdf";
        String template = "{{key}} ".repeat(20);
        WebhookRequest request = Events.format(Events.created(key, Events.url("long")), template);
        Events.keep("hostile-long-template-output", request);
        String message = Events.card(request).path("body").path(1).path("text").asText();
        assertThat(bytes(request)).isLessThanOrEqualTo(MAX).isGreaterThan(MAX - 200);
        assertThat(message).endsWith("…").startsWith("deep/kkk");
        assertThat(keyFact(Events.card(request))).hasSize(1_024);
    }

    @Test
    void neverSplitsASurrogatePairWhenCutting() {
        String key = "📄".repeat(2_000);
        WebhookRequest request = Events.format(Events.created(key, Events.url("u")), "{{key}}{{key}}{{key}}{{key}}");
        Events.keep("hostile-emoji-key", request);
        JsonNode card = Events.card(request);
        assertThat(bytes(request)).isLessThanOrEqualTo(MAX);
        for (String text : new String[] {card.path("body").path(0).path("text").asText(), keyFact(card),
                card.path("body").path(1).path("text").asText()}) {
            assertThat(text).endsWith("📄…");
            assertThat(text.codePoints())
                    .noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
        }
    }

    @Test
    void keepsTheLinkInTheTextWholeWhenTheTextIsCut() {
        String url = Events.url("whole");
        String message = "x".repeat(27_000) + " " + url + " " + "y".repeat(5_000);
        String text = Events.card(Events.formatMessage(Events.created("a.pdf", url), message)).path("body").path(1)
                .path("text").asText();
        assertThat(text).isEqualTo("x".repeat(27_000) + "…");
    }

    @Test
    void leavesOutALinkLongerThanTeamsButtonsTakeAndSaysSo() {
        String url = "https://example-uploads.s3.amazonaws.com/a.pdf?X-Amz-Signature=" + "a".repeat(8_200);
        WebhookRequest request = Events.format(Events.created("a.pdf", url), TEAMS.defaultTemplate());
        Events.keep("hostile-link-too-long", request);
        JsonNode card = Events.card(request);
        assertThat(request.body()).doesNotContain("X-Amz-Signature");
        assertThat(card.has("actions")).isFalse();
        assertThat(card.path("body").findValuesAsText("text")).contains(TeamsCard.NO_LINK_NOTE)
                .anyMatch(text -> text.contains("**a.pdf** was uploaded"));
        assertThat(bytes(request)).isLessThanOrEqualTo(MAX);
    }

    @Test
    void offersALinkOfExactlyTheLongestLength() {
        String prefix = "https://example-uploads.s3.amazonaws.com/a.pdf?X-Amz-Signature=";
        String url = prefix + "a".repeat(CardContent.MAX_URL_LENGTH - prefix.length());
        JsonNode card = Events.card(Events.format(Events.created("a.pdf", url), TEAMS.defaultTemplate()));
        assertThat(card.path("actions").path(0).path("url").asText()).isEqualTo(url);
    }

    @Test
    void offersNoButtonForALinkThatIsNotAWebAddress() {
        for (String url : new String[] {"javascript:alert(1)", "https://exa mple.com/a", "ftp://example.com/a",
                "https://example.com/é"}) {
            JsonNode card = Events.card(Events.format(Events.created("a.pdf", url), ""));
            assertThat(card.has("actions")).as(url).isFalse();
            assertThat(card.path("body").findValuesAsText("text")).as(url).contains(TeamsCard.NO_LINK_NOTE);
        }
    }

    @Test
    void leavesOutTheMessageBlockForAnEmptyTemplate() {
        WebhookRequest request = Events.format(Events.created("a.pdf", Events.url("e")), "");
        Events.keep("empty-template", request);
        JsonNode body = Events.card(request).path("body");
        assertThat(body).hasSize(2);
        assertThat(body.path(0).path("text").asText()).isEqualTo("a.pdf");
        assertThat(body.path(1).path("type").asText()).isEqualTo("FactSet");
    }

    @Test
    void fitsTheWorstCaseOfEveryCappedFieldAndTheLongestLink() {
        String huge = "\\".repeat(5_000) + "📄".repeat(5_000);
        String url = "https://example.com/?s=" + "a".repeat(CardContent.MAX_URL_LENGTH - 23);
        LinkEvent event = LinkEvent.builder().fileName(huge).fileUrl(url).bucket(huge).expirationTime(huge)
                .timestamp(Events.NOW).key(huge).size(Long.MAX_VALUE).eventType(EventType.RESTORED).build();
        WebhookRequest request = Events.formatMessage(event, huge + huge);
        Events.keep("hostile-worst-case", request);
        JsonNode card = Events.card(request);
        assertThat(bytes(request)).isLessThanOrEqualTo(MAX);
        assertThat(card.path("actions").path(0).path("url").asText()).isEqualTo(url);
        assertThat(card.path("body").path(1).path("text").asText()).endsWith("…");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "@everyone @here <@123456789> <@&42> <!channel> <!here|here> <!everyone> <@U024BE7LH> <at>Boss</at>.txt",
        "**bold** _it_ ~~s~~ `code` ||spoiler|| > quote # h [x](http://evil) <https://evil|click> \" \\ \n\t"
            + " {\"a\":1} </script> & < > %s {{x}}.pdf",
        "🎉 \u202Egnp.exe\u200B 👩‍👩‍👧.png"})
    void keepsHostileNamesReadableWithEveryTemplate(String name) {
        String all = "{{fileName}} {{key}} {{bucket}} {{{fileUrl}}} {{sizeText}} {{expiresAt}} {{eventType}}";
        for (String template : new String[] {TEAMS.defaultTemplate(), all, ""}) {
            LinkEvent event = Events.created("up/" + name, Events.url("h"));
            WebhookRequest request = Events.format(event, template);
            Events.keep("hostile-name-" + Math.abs(name.hashCode()) + "-" + template.length(), request);
            JsonNode card = Events.card(request);
            assertThat(bytes(request)).isLessThanOrEqualTo(MAX);
            assertThat(card.path("body").path(0).path("text").asText()).isEqualTo(FORMATTER.escape(event.fileName()));
            assertThat(keyFact(card)).isEqualTo(FORMATTER.escape("up/" + name));
            assertThat(card.path("actions").path(0).path("url").asText()).isEqualTo(Events.url("h"));
        }
    }

    private static String keyFact(JsonNode card) {
        for (JsonNode fact : card.path("body").findValue("facts")) {
            if (fact.path("title").asText().equals("Key")) {
                return fact.path("value").asText();
            }
        }
        throw new AssertionError("no Key fact in " + card);
    }

    private static int bytes(WebhookRequest request) {
        return request.body().getBytes(StandardCharsets.UTF_8).length;
    }
}
