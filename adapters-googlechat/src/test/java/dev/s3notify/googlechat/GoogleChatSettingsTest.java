package dev.s3notify.googlechat;

import static dev.s3notify.googlechat.ChatEvents.CHAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.spi.Variable;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoogleChatSettingsTest {
    private static final String WEBHOOK = "https://chat.googleapis.com/v1/spaces/AAAAbCdEfGh/messages"
            + "?key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI&token=abc_DEF-123%3D";

    @Test
    void hasTheKindGooglechatAndItsTwoVariables() {
        assertThat(CHAT.kind()).isEqualTo("googlechat");
        assertThat(CHAT.variables()).extracting(Variable::name)
                .containsExactly("GOOGLECHAT_THREAD_KEY", "GOOGLECHAT_REPLY_OPTION");
        assertThat(CHAT.variables()).allSatisfy(v -> assertThat(v.defaultValue()).isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "two words", "key/with/slashes", "ümlaut"})
    void refusesAThreadKeyChatCannotTakeNamingTheVariable(String key) {
        assertThatThrownBy(() -> ChatEvents.formatter(Map.of("GOOGLECHAT_THREAD_KEY", key)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GOOGLECHAT_THREAD_KEY=")
                .hasMessageContaining("letters, digits, '.', '_' and '-', at most 128");
    }

    @Test
    void refusesAnUnknownReplyOptionListingBoth() {
        assertThatThrownBy(() -> ChatEvents.formatter(Map.of("GOOGLECHAT_THREAD_KEY", "k",
                "GOOGLECHAT_REPLY_OPTION", "MESSAGE_REPLY_OPTION_UNSPECIFIED")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GOOGLECHAT_REPLY_OPTION='MESSAGE_REPLY_OPTION_UNSPECIFIED'")
                .hasMessageContaining("REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD or REPLY_MESSAGE_OR_FAIL");
    }

    @Test
    void refusesAReplyOptionWithoutAThreadKey() {
        assertThatThrownBy(() -> ChatEvents.formatter(Map.of("GOOGLECHAT_REPLY_OPTION", "REPLY_MESSAGE_OR_FAIL")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GOOGLECHAT_REPLY_OPTION is set but GOOGLECHAT_THREAD_KEY is not");
    }

    @ParameterizedTest
    @ValueSource(strings = {WEBHOOK, "https://CHAT.GOOGLEAPIS.COM/v1/spaces/AAA/messages?key=k&token=t",
        "https://chat.googleapis.com./v1/spaces/AAA/messages/?token=t&key=k&threadKey=x"})
    void recognizesASpacesIncomingWebhook(String url) {
        assertThat(CHAT.recognizes(URI.create(url))).isTrue();
        assertThat(CHAT.refuses(URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t",
        "https://chat.googleapis.com.evil.example/v1/spaces/AAA/messages?key=k&token=t",
        "https://evilchat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t",
        "https://chat.googleapis.com/v1/spaces/AAA/members?key=k&token=t",
        "https://chat.googleapis.com/v1/spaces/AAA/messages/extra",
        "https://hooks.slack.com/services/T0/B0/x", "mailto:ops@example.com"})
    void doesNotRecognizeOtherOrLookalikeUrls(String url) {
        assertThat(CHAT.recognizes(URI.create(url))).isFalse();
    }

    @Test
    void refusesAChatUrlCopiedWithoutItsKeyOrTokenAndShowsNeither() {
        assertThat(CHAT.refuses(URI.create("https://chat.googleapis.com/v1/spaces/AAA/messages?key=SECRETKEY")))
                .get().asString().contains("no token query parameter", "whole URL").doesNotContain("SECRETKEY");
        assertThat(CHAT.refuses(URI.create("https://chat.googleapis.com/v1/spaces/AAA/messages")))
                .get().asString().contains("no key or token query parameter");
        assertThat(CHAT.refuses(URI.create("https://relay.example.com/googlechat"))).isEmpty();
    }
}
