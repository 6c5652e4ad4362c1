package dev.s3notify.ntfy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.spi.KindSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NtfyProviderTest {
    private final NtfyFormatterProvider provider = NtfyEvents.PROVIDER;

    @ParameterizedTest
    @ValueSource(strings = {"https://ntfy.sh", "https://ntfy.sh/", "https://NTFY.sh/mytopic"})
    void recognizesNtfySh(String url) {
        assertThat(provider.recognizes(URI.create(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ntfy.example.com/", "https://ntfy.sh.example.com/", "https://hooks.slack.com/x"})
    void leavesSelfHostedServersToWebhookKind(String url) {
        assertThat(provider.recognizes(URI.create(url))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ntfy.sh", "https://ntfy.sh/", "https://ntfy.example.com:8443/"})
    void acceptsAServersRoot(String url) {
        assertThat(provider.refuses(URI.create(url))).isEmpty();
    }

    @Test
    void refusesATopicUrlWithWhatToSetAndWithoutTheTopic() {
        assertThat(provider.refuses(URI.create("https://ntfy.example.com:8443/secret-topic")))
                .hasValue("ntfy publishes JSON at the server's root, not at a topic's URL: set WEBHOOK_URL to"
                        + " https://ntfy.example.com:8443/ and the topic (the last part of the URL) in NTFY_TOPIC");
    }

    @ParameterizedTest
    @CsvSource({"min,1", "LOW,2", "default,3", "4,4", "max,5", "urgent,5"})
    void readsPriorities(String text, int priority) {
        assertThat(settings(Map.of("NTFY_PRIORITY", text)).priority()).isEqualTo(priority);
    }

    @Test
    void readsTagsAndDefaultsToPriorityThree() {
        NtfyVariables.Settings settings = settings(Map.of("NTFY_TAGS", " warning,, s3 "));

        assertThat(settings.tags()).isEqualTo(List.of("warning", "s3"));
        assertThat(settings.priority()).isEqualTo(3);
        assertThat(settings.token()).isNull();
    }

    @Test
    void requiresTheTopic() {
        assertThatThrownBy(() -> KindSettings.of(NtfyVariables.ALL, Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("NTFY_TOPIC is required");
    }

    @Test
    void refusesEveryBadSettingAtOnceWithoutShowingTheSecrets() {
        assertThatThrownBy(() -> KindSettings.of(NtfyVariables.ALL, Map.of("NTFY_TOPIC", "my topic/with-secret",
                "NTFY_ACCESS_TOKEN", "hunter2-password", "NTFY_PRIORITY", "6", "NTFY_TAGS", "a,b,c,d,e,f,g,h,i,j,k")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("NTFY_TOPIC=<secret> is not valid")
                .hasMessageContaining("NTFY_ACCESS_TOKEN=<secret> is not valid: expected an access token")
                .hasMessageContaining("NTFY_PRIORITY='6' is not valid")
                .hasMessageContaining("at most 10 tags")
                .hasMessageNotContaining("hunter2").hasMessageNotContaining("with-secret");
    }

    @Test
    void neverShowsTheTopicOrTheTokenInItsSettings() {
        NtfyVariables.Settings settings = settings(Map.of("NTFY_ACCESS_TOKEN", NtfyEvents.TOKEN));

        assertThat(settings.toString()).doesNotContain(NtfyEvents.TOKEN).doesNotContain(NtfyEvents.TOPIC);
        assertThat(settings.token().toString()).doesNotContain(NtfyEvents.TOKEN);
    }

    private static NtfyVariables.Settings settings(Map<String, String> env) {
        return NtfyVariables.Settings.of(KindSettings.of(NtfyVariables.ALL, NtfyEvents.withTopic(env)));
    }
}
