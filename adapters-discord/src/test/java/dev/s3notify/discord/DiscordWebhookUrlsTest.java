package dev.s3notify.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscordWebhookUrlsTest {
    private final DiscordFormatterProvider formatter = new DiscordFormatterProvider();

    @ParameterizedTest
    @ValueSource(strings = {
        "https://discord.com/api/webhooks/123456789012345678/AbC-dEf_gh",
        "https://discordapp.com/api/webhooks/123/tok",
        "https://canary.discord.com/api/webhooks/123/tok",
        "https://ptb.discord.com/api/webhooks/123/tok/",
        "https://discord.com/api/v10/webhooks/123/tok",
        "https://DISCORD.com/api/v9/webhooks/123/tok?thread_id=5"})
    void recognizesDiscordWebhooks(String url) {
        assertThat(formatter.recognizes(URI.create(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://discord.com/api/webhooks/123/tok/slack",
        "https://discord.com/api/webhooks/123/tok/github",
        "https://discord.com/api/webhooks/123",
        "https://discord.com/api/channels/123/messages",
        "https://discord.com.evil.example/api/webhooks/123/tok",
        "https://evil.example/api/webhooks/123/tok",
        "https://discord.gg/api/webhooks/123/tok",
        "https://hooks.slack.com/services/T0/B0/x",
        "ftp://discord.com/api/webhooks/123/tok",
        "file:///api/webhooks/123/tok"})
    void recognizesNothingElse(String url) {
        assertThat(formatter.recognizes(URI.create(url))).isFalse();
    }
}
