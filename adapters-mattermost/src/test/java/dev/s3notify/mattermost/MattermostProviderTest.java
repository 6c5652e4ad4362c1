package dev.s3notify.mattermost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.error.ConfigurationException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MattermostProviderTest {
    private static final String ID = "xuqopbzyp7ggxp8ymf5c4fzsqe";

    @Test
    void recognizesMattermostCloudWebhooks() {
        assertThat(MattermostEvents.PROVIDER.recognizes(URI.create("https://acme.cloud.mattermost.com/hooks/" + ID)))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://chat.example.com/hooks/" + ID, "https://acme.cloud.mattermost.com/hooks/short",
        "https://acme.cloud.mattermost.com/hooks/" + ID + "/extra", "https://hooks.slack.com/services/T/B/X",
        "https://evilcloud.mattermost.com.example.net/hooks/" + ID})
    void leavesEveryOtherUrlToWebhookKind(String url) {
        assertThat(MattermostEvents.PROVIDER.recognizes(URI.create(url))).isFalse();
    }

    @Test
    void acceptsItsOverrides() {
        MattermostVariables.Settings settings = MattermostVariables.Settings.of(dev.s3notify.spi.KindSettings.of(
                MattermostVariables.ALL, Map.of("MATTERMOST_CHANNEL", "@alice", "MATTERMOST_FORMAT", "TEXT",
                        "MATTERMOST_USERNAME", "Uploads", "MATTERMOST_ICON_URL", "https://example.com/i.png")));

        assertThat(settings).isEqualTo(new MattermostVariables.Settings(false, "Uploads", "https://example.com/i.png",
                "@alice"));
    }

    @Test
    void refusesEveryBadSettingAtOnceNamingEach() {
        assertThatThrownBy(() -> MattermostEvents.formatter(Map.of("MATTERMOST_CHANNEL", "Town Square",
                "MATTERMOST_FORMAT", "card", "MATTERMOST_USERNAME", "x".repeat(65),
                "MATTERMOST_ICON_URL", "http://example.com/i.png")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MATTERMOST_CHANNEL='Town Square' is not valid: expected a channel's name")
                .hasMessageContaining("MATTERMOST_FORMAT='card' is not valid: expected one of attachment, text")
                .hasMessageContaining("MATTERMOST_USERNAME=")
                .hasMessageContaining("at most 64 characters")
                .hasMessageContaining("MATTERMOST_ICON_URL=");
    }
}
