package dev.s3notify.googlechat;

import static dev.s3notify.googlechat.ChatEvents.CHAT;
import static dev.s3notify.googlechat.ChatEvents.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.testkit.HostileInput;
import dev.s3notify.testkit.LinkEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoogleChatFormatterTest {
    private static final String CUSTOM = "{{#hasLink}}New in {{bucket}}: _{{key}}_ ({{sizeText}})."
            + " <{{{fileUrl}}}|Open it> before {{expiresAt}}.{{/hasLink}}{{^hasLink}}{{key}} is gone.{{/hasLink}}";

    @Test
    void postsTheTextAndACardWithADownloadButtonForAnUpload() {
        assertGolden("created-default", ChatEvents.event("reports/Q3 report.pdf", LinkEvents.link("q3"),
                EventType.CREATED), CHAT.defaultTemplate());
    }

    @Test
    void postsARemovalWithoutButtonSizeOrExpiry() {
        assertGolden("deleted-default", ChatEvents.event("reports/old.pdf", null, EventType.DELETED),
                CHAT.defaultTemplate());
    }

    @Test
    void postsTheOldSystemsFiveFieldEvent() {
        assertGolden("old-system-default", LinkEvents.oldSystem().build(), CHAT.defaultTemplate());
    }

    @Test
    void postsACustomTemplateWithItsLinkInChatsSyntax() {
        JsonNode body = ChatEvents.tree(ChatEvents.format(PLAIN, ChatEvents.upload("reports/Q3_final.pdf"), CUSTOM));

        assertThat(body.path("text").asText()).startsWith("New in example-uploads: _reports/Q3_final.pdf_ (1.5 MB)."
                + " <https://example-uploads.s3.us-east-1.amazonaws.com/").contains("|Open it> before 2026-11-22");
    }

    @Test
    void postsIntoTheConfiguredThreadReplyingOrStartingItByDefault() {
        WebhookFormatter threaded = ChatEvents.formatter(Map.of("GOOGLECHAT_THREAD_KEY", "uploads-2026"));

        WebhookRequest request = ChatEvents.format(threaded, ChatEvents.upload("a.pdf"), CHAT.defaultTemplate());

        assertThat(ChatEvents.tree(request).path("thread")).isEqualTo(ChatEvents.tree("{\"threadKey\":\"uploads-2026\"}"));
        assertThat(request.query()).containsExactly(Map.entry("messageReplyOption",
                "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD"));
    }

    @Test
    void asksChatToRefuseRatherThanStartAThreadWhenConfigured() {
        WebhookFormatter strict = ChatEvents.formatter(Map.of("GOOGLECHAT_THREAD_KEY", "k",
                "GOOGLECHAT_REPLY_OPTION", "reply_message_or_fail"));

        assertThat(strict.format(new Notification(ChatEvents.upload("a.pdf"), "x", "evt-1")).query())
                .containsExactly(Map.entry("messageReplyOption", "REPLY_MESSAGE_OR_FAIL"));
    }

    @Test
    void startsAThreadPerMessageWithoutAThreadKey() {
        WebhookRequest request = PLAIN.format(new Notification(ChatEvents.upload("a.pdf"), "new", "evt-1"));

        assertThat(request.query()).isEmpty();
        assertThat(ChatEvents.tree(request).has("thread")).isFalse();
        assertThat(request.headers()).isEmpty();
    }

    @Test
    void leavesTheTextOutWhenTheTemplateRendersNothing() {
        JsonNode body = ChatEvents.tree(ChatEvents.format(PLAIN, ChatEvents.upload("a.pdf"), "{{#deleted}}x{{/deleted}}"));

        assertThat(body.has("text")).isFalse();
        assertThat(body.at("/cardsV2/0/card/header/title").asText()).isEqualTo("a.pdf");
    }

    @Test
    void offersNoButtonForALinkTooLongForOneAndSaysSo() {
        LinkEvent event = ChatEvents.event("a.pdf", HostileInput.longUrl("a", CardContent.MAX_URL_LENGTH + 1),
                EventType.CREATED);

        JsonNode widgets = ChatEvents.tree(ChatEvents.format(event)).at("/cardsV2/0/card/sections/0/widgets");

        assertThat(widgets.findValues("buttonList")).isEmpty();
        assertThat(widgets.findValuesAsText("text")).contains(GoogleChatCard.NO_LINK_NOTE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<users/all> party.pdf", "<users/123456789>.txt", "<users/ops@example.com> here.png",
        "<users/all|everyone>.zip", "@all <https://evil.example|click>.pdf"})
    void neverMakesAChatMentionOrLinkFromAFileName(String name) {
        for (String template : List.of(CHAT.defaultTemplate(), CUSTOM, "{{fileName}} {{key}} {{bucket}}")) {
            for (LinkEvent event : List.of(ChatEvents.upload("in/" + name),
                    ChatEvents.event("in/" + name, null, EventType.DELETED))) {
                JsonNode body = ChatEvents.tree(ChatEvents.format(PLAIN, event, template));
                ChatLimits.assertNoMentions(body);
                assertThat(body.toString()).doesNotContain("<https://evil");
            }
        }
    }

    @Test
    void escapesNamesForTheCardsHtmlAndTheTextsSyntax() {
        JsonNode body = ChatEvents.tree(ChatEvents.format(ChatEvents.upload("in/<b>x & \"y\".pdf")));
        JsonNode card = body.at("/cardsV2/0/card");

        assertThat(card.at("/header/title").asText()).isEqualTo("<\u200Bb>x & \"y\".pdf");
        assertThat(card.at("/sections/0/widgets").findValuesAsText("text"))
                .contains("in/&lt;b&gt;x &amp; &quot;y&quot;.pdf");
        assertThat(PLAIN.escape("a\u202Efdp.exe\nline\u0007")).isEqualTo("afdp.exe line ");
    }

    @Test
    void keepsAFloodingMessageWithinChatsBytesWithoutCuttingItsLink() {
        LinkEvent event = ChatEvents.event("in/" + "📄".repeat(256), HostileInput.longUrl("f", 2_000),
                EventType.CREATED);

        WebhookRequest request = ChatEvents.format(PLAIN, event, "{{key}} ".repeat(60) + "<{{{fileUrl}}}|get>");

        assertThat(request.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(32_000);
        String text = ChatEvents.tree(request).path("text").asText();
        assertThat(text).endsWith("…");
        assertThat(text.contains(event.fileUrl()) || !text.contains("<https://")).isTrue();
        ChatLimits.assertWithin(ChatEvents.tree(request));
    }

    private static void assertGolden(String name, LinkEvent event, String template) {
        WebhookRequest request = ChatEvents.format(PLAIN, event, template);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.query()).isEmpty();
        assertThat(ChatEvents.tree(request)).as(request.body()).isEqualTo(ChatEvents.fixture(name));
        ChatLimits.assertWithin(ChatEvents.tree(request));
    }
}
