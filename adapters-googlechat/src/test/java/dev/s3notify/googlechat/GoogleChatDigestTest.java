package dev.s3notify.googlechat;

import static dev.s3notify.googlechat.ChatEvents.CHAT;
import static dev.s3notify.googlechat.ChatEvents.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.testkit.Digests;
import dev.s3notify.testkit.HostileInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoogleChatDigestTest {
    private static final Link INDEX = new Link(HostileInput.longUrl("index.html", 2_000),
            Instant.parse("2026-11-22T17:16:21Z"));

    @Test
    void fitsADigestOfFiveHundredHostileFilesInChatsLimitsWithTheIndexButton() {
        List<LinkEvent> files = HostileInput.files(500, 2_000);

        String body = digest(files, INDEX).orElseThrow().body();
        JsonNode tree = ChatEvents.tree(body);

        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(32_000);
        ChatLimits.assertWithin(tree);
        assertThat(tree.at("/cardsV2/0/card/header/title").asText()).startsWith("📁 500 files changed in uploads/2026-11/");
        JsonNode button = tree.at("/cardsV2/0/card/sections/0/widgets").findValue("buttons").path(0);
        assertThat(button.path("text").asText()).isEqualTo("All 500 files");
        assertThat(button.at("/onClick/openLink/url").asText()).isEqualTo(INDEX.url());
        assertThat(tree.path("text").asText()).contains("… and ", " more", "|All 500 files, with their links>");
    }

    @Test
    void asksForTheIndexPageWhenFiveHundredLinksDoNotFit() {
        assertThat(digest(HostileInput.files(500, 2_000), null)).isEmpty();
    }

    @Test
    void listsEveryFileAsAChatLinkWhenAllFit() {
        List<LinkEvent> files = List.of(file("uploads/a.pdf", "https://example.com/a?X=1"),
                file("uploads/b b.pdf", "https://example.com/b?X=2"),
                ChatEvents.event("uploads/c.pdf", null, EventType.DELETED));

        JsonNode tree = ChatEvents.tree(digest(files, null).orElseThrow().body());

        assertThat(tree.path("text").asText()).isEqualTo("• <https://example.com/a?X=1|a.pdf> (1.5 MB)\n"
                + "• <https://example.com/b?X=2|b b.pdf> (1.5 MB)\n• c.pdf (removed)");
        assertThat(tree.at("/cardsV2/0/card/header/subtitle").asText()).isEqualTo("example-uploads");
        assertThat(tree.at("/cardsV2/0/card/sections/0/widgets").findValuesAsText("text")).contains("3.0 MB");
        assertThat(tree.at("/cardsV2/0/card/sections/0/widgets").findValues("buttonList")).isEmpty();
    }

    @Test
    void postsADigestIntoTheConfiguredThread() {
        var threaded = ChatEvents.formatter(Map.of("GOOGLECHAT_THREAD_KEY", "daily"));
        List<LinkEvent> files = List.of(ChatEvents.upload("a.pdf"), ChatEvents.upload("b.pdf"));

        WebhookRequest request = threaded.formatDigest(Digests.of(threaded, CHAT.defaultDigestTemplate(), files,
                null)).orElseThrow();

        assertThat(ChatEvents.tree(request).at("/thread/threadKey").asText()).isEqualTo("daily");
        assertThat(request.query()).containsEntry("messageReplyOption", "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD");
    }

    @Test
    void keepsTheIndexButtonWhenEvenTheLinesAroundTheListDoNotFit() {
        String flooding = "{{summary}} {{prefix}} {{buckets}} {{count}} ".repeat(40) + "{{#files}}<{{{fileUrl}}}|{{fileName}}>{{/files}}";

        WebhookRequest request = PLAIN.formatDigest(Digests.of(PLAIN, flooding, HostileInput.files(20, 2_000),
                INDEX)).orElseThrow();

        ChatLimits.assertWithin(ChatEvents.tree(request));
        assertThat(ChatEvents.tree(request).at("/cardsV2/0/card/sections/0/widgets").findValuesAsText("url"))
                .containsExactly(INDEX.url());
    }

    private static Optional<WebhookRequest> digest(List<LinkEvent> files, Link index) {
        return PLAIN.formatDigest(Digests.of(PLAIN, CHAT.defaultDigestTemplate(), files, index));
    }

    private static LinkEvent file(String key, String url) {
        return ChatEvents.event(key, url, EventType.CREATED);
    }
}
