package dev.s3notify.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramUrlsTest {
    private static final String TOKEN = TelegramErrorsTest.TOKEN;
    private final TelegramFormatterProvider provider = new TelegramFormatterProvider();

    @ParameterizedTest
    @ValueSource(strings = {"https://api.telegram.org/bot" + TOKEN + "/sendMessage",
        "https://API.Telegram.org/bot" + TOKEN + "/sendmessage", "https://api.telegram.org/bot" + TOKEN + "/sendMessage/"})
    void recognizesTheSendMessageUrl(String url) {
        assertThat(provider.recognizes(URI.create(url))).isTrue();
        assertThat(provider.refuses(URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.telegram.org/bot" + TOKEN + "/sendMessage",
        "https://api.telegram.org.evil.example/bot" + TOKEN + "/sendMessage",
        "https://discord.com/api/webhooks/1/abc", "https://api.telegram.org/bot/sendMessage",
        "https://api.telegram.org/bot" + TOKEN + "/sendPhoto"})
    void recognizesNoOtherUrl(String url) {
        assertThat(provider.recognizes(URI.create(url))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.telegram.org/bot" + TOKEN + "/sendPhoto",
        "https://api.telegram.org/bot" + TOKEN, "https://api.telegram.org/" + TOKEN + "/sendMessage"})
    void refusesAnotherPathOnTheApiHostWithoutQuotingTheToken(String url) {
        assertThat(provider.refuses(URI.create(url))).hasValueSatisfying(why -> assertThat(why)
                .contains("https://api.telegram.org/bot<token>/sendMessage").doesNotContain(TOKEN)
                .doesNotContain("AAHdqTcv"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8081/bot" + TOKEN + "/sendMessage", "https://discord.com/api/webhooks/1/a"})
    void acceptsOtherHostsSuchAsASelfHostedBotApiServer(String url) {
        assertThat(provider.refuses(URI.create(url))).isEmpty();
    }
}
