package com.example.rocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.testkit.LinkEvents;
import dev.s3notify.testkit.WebhookFormatterContract;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract every s3-notify formatter keeps (limits, escaping, no pings, valid JSON, registration, digests that
 * keep every file reachable), inherited from s3-notify's test-kit, and what is particular to Rocket.Chat.
 */
class RocketChatFormatterTest extends WebhookFormatterContract {
    private final RocketChatFormatterProvider provider = new RocketChatFormatterProvider();

    @Override
    protected RocketChatFormatterProvider provider() {
        return provider;
    }

    /** The contract runs with an alias, the larger body. */
    @Override
    protected Map<String, String> settings() {
        return Map.of("ROCKETCHAT_ALIAS", "S3 uploads");
    }

    @Override
    protected void assertPlatformLimits(JsonNode body) {
        String text = body.path("text").asText();
        assertThat(text).isNotBlank();
        assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(RocketChatFormatter.TEXT.max());
        assertThat(body.path("alias").asText()).isEqualTo("S3 uploads");
    }

    @Test
    void postsTheMessageAsTextWithAMarkdownLinkUnderTheAlias() {
        WebhookRequest request = format(upload("reports/Q3 report.pdf", "https://example.com/q3?X=1"),
                provider.defaultTemplate());

        assertThat(request.body()).isEqualTo("{\"text\":\"*Q3 report.pdf* was uploaded to *example-uploads*."
                + " [Download](https://example.com/q3?X=1) (the link expires in 24 hours)\",\"alias\":\"S3 uploads\"}");
        assertThat(request.query()).isEmpty();
    }

    @Test
    void postsWithoutAnAliasWhenNoneIsSet() {
        WebhookRequest request = new RocketChatFormatter(null).format(new Notification(
                LinkEvents.deletion("a.txt").build(), "gone", "evt-1"));

        assertThat(request.body()).isEqualTo("{\"text\":\"gone\"}");
    }

    @Test
    void listsADigestsFilesAsMarkdownLinksUnderTheSummary() {
        WebhookRequest request = formatDigest(List.of(upload("uploads/a.pdf", "https://example.com/a?X=1"),
                upload("uploads/b.pdf", "https://example.com/b?X=2")), null, provider.defaultDigestTemplate())
                .orElseThrow();

        assertThat(request.body()).startsWith("{\"text\":\"*2 files uploaded to uploads/ (3.0 MB)*\\n"
                + "- [a.pdf](https://example.com/a?X=1)\\n- [b.pdf](https://example.com/b?X=2)\"");
    }

    @Test
    void declaresTenMessagesAMinute() {
        assertThat(formatter().rateLimit().interval()).hasSeconds(6);
    }

    @Test
    void refusesAnAliasThatCouldMentionSomeoneNamingTheVariable() {
        assertThatThrownBy(() -> KindSettings.of(provider.variables(), Map.of("ROCKETCHAT_ALIAS", "@all")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ROCKETCHAT_ALIAS='@all'")
                .hasMessageContaining("without '@'");
    }

    @Test
    void breaksMentionsAndLinksInFileNames() {
        assertThat(formatter().escape("@all @here [x](https://evil.example) <https://evil.example|click>"))
                .isEqualTo("@\u200Ball @\u200Bhere [\u200Bx](https://evil.example) <\u200Bhttps://evil.example|click>");
    }

    @Test
    void recognizesRocketChatIncomingWebhooksOnAnyHostByTheirPath() {
        assertThat(provider.recognizes(URI.create("https://chat.example.org/hooks/65f1a2b3c4d5e6f7a8b9c0d1/"
                + "Ab12Cd34Ef56Gh78Ij90KlMnOpQrStUvWxYz01234567"))).isTrue();
        assertThat(provider.recognizes(URI.create("http://chat.example.org/hooks/65f1a2b3c4d5e6f7/Ab12Cd34Ef56Gh78Ij90")))
                .isFalse();
        assertThat(provider.recognizes(URI.create("https://mattermost.example.org/hooks/xxxxxxxxxxxxxxxxxxxxxxxxxx")))
                .isFalse();
        assertThat(provider.recognizes(URI.create("https://discord.com/api/webhooks/1/abc"))).isFalse();
    }

    @Test
    void explainsRocketChatsErrors() {
        assertThat(formatter().describeError(400, "{\"success\":false,\"error\":\"Invalid channel\","
                + "\"errorType\":\"error-invalid-channel\"}"))
                .isEqualTo("Rocket.Chat: error-invalid-channel: Invalid channel");
        assertThat(formatter().describeError(502, "<html>Bad gateway</html>\n<p>")).isEqualTo("<html>Bad gateway</html>");
    }

    /** A sample upload (s3-notify's test-kit) with its link set: a test changes only what it is about. */
    private static LinkEvent upload(String key, String link) {
        return LinkEvents.upload(key).fileUrl(link).build();
    }
}
