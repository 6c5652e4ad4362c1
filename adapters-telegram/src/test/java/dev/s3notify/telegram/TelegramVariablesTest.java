package dev.s3notify.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.spi.KindSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramVariablesTest {

    private static KindSettings read(Map<String, String> env) {
        return KindSettings.of(TelegramVariables.ALL, env);
    }

    @Test
    void failsStartUpNamingTheChatIdWhenItIsMissing() {
        assertThatThrownBy(() -> read(Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("TELEGRAM_CHAT_ID is required but not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "-1001234567890", "-4012345678", "@example_uploads"})
    void acceptsNumericIdsAndPublicUsernames(String chat) {
        assertThat(read(Map.of("TELEGRAM_CHAT_ID", chat)).get(TelegramVariables.TELEGRAM_CHAT_ID)).isEqualTo(chat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example_uploads", "@abc", "@1channel", "12a", "0", "-0", "https://t.me/example",
        "12345678901234567890"})
    void refusesWhatIsNeitherAnIdNorAUsername(String chat) {
        assertThatThrownBy(() -> read(Map.of("TELEGRAM_CHAT_ID", chat)))
                .hasMessageContaining("TELEGRAM_CHAT_ID='").hasMessageContaining("is not valid: expected a chat id");
    }

    @Test
    void readsTheTopicAndSilence() {
        KindSettings settings = read(Map.of("TELEGRAM_CHAT_ID", "-1001234567890", "TELEGRAM_THREAD_ID", "42",
                "TELEGRAM_DISABLE_NOTIFICATION", "yes"));

        assertThat(settings.get(TelegramVariables.TELEGRAM_THREAD_ID)).isEqualTo(42L);
        assertThat(settings.get(TelegramVariables.TELEGRAM_DISABLE_NOTIFICATION)).isTrue();
    }

    @Test
    void refusesATopicThatIsNotAPositiveNumberTogetherWithTheOtherProblems() {
        assertThatThrownBy(() -> read(Map.of("TELEGRAM_THREAD_ID", "0", "TELEGRAM_DISABLE_NOTIFICATION", "maybe")))
                .hasMessageContaining("TELEGRAM_CHAT_ID is required")
                .hasMessageContaining("TELEGRAM_THREAD_ID='0' is not valid")
                .hasMessageContaining("TELEGRAM_DISABLE_NOTIFICATION='maybe' is not valid");
    }

    @Test
    void sendsNoTopicAndNotSilentlyByDefault() {
        KindSettings settings = read(Map.of("TELEGRAM_CHAT_ID", "123"));

        assertThat(settings.get(TelegramVariables.TELEGRAM_THREAD_ID)).isNull();
        assertThat(settings.get(TelegramVariables.TELEGRAM_DISABLE_NOTIFICATION)).isFalse();
    }
}
