package dev.s3notify.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.spi.KindSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscordVariablesTest {

    private static KindSettings settings(Map<String, String> env) {
        return KindSettings.of(new DiscordFormatterProvider().variables(), env);
    }

    private static ConfigurationException refused(Map<String, String> env) {
        return catchThrowableOfType(ConfigurationException.class, () -> settings(env));
    }

    @Test
    void usesTheDocumentedDefaults() {
        KindSettings defaults = settings(Map.of());
        assertThat(defaults.get(DiscordVariables.EMBED_COLOR)).isEqualTo(3_447_003L);
        assertThat(defaults.get(DiscordVariables.FOOTER_TEXT)).isEqualTo("S3 File Notification System");
        assertThat(defaults.get(DiscordVariables.DISCORD_USERNAME)).isNull();
        assertThat(defaults.get(DiscordVariables.DISCORD_AVATAR_URL)).isNull();
        assertThat(defaults.get(DiscordVariables.DISCORD_THREAD_ID)).isNull();
    }

    @Test
    void readsEveryVariable() {
        KindSettings read = settings(Map.of("EMBED_COLOR", "16777215", "FOOTER_TEXT", "Finance",
                "DISCORD_USERNAME", "u".repeat(80), "DISCORD_AVATAR_URL", "https://example.com/a.png",
                "DISCORD_THREAD_ID", "1234567890123456789"));
        assertThat(read.get(DiscordVariables.EMBED_COLOR)).isEqualTo(16_777_215L);
        assertThat(read.get(DiscordVariables.DISCORD_USERNAME)).hasSize(80);
        assertThat(read.get(DiscordVariables.DISCORD_AVATAR_URL)).isEqualTo(URI.create("https://example.com/a.png"));
        assertThat(read.get(DiscordVariables.DISCORD_THREAD_ID)).isEqualTo("1234567890123456789");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Discord Uploads", "my DISCORD bot", "Clyde", "uploads-clyde"})
    void refusesAUsernameDiscordWouldRefuse(String name) {
        assertThatThrownBy(() -> settings(Map.of("DISCORD_USERNAME", name)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DISCORD_USERNAME='" + name + "'")
                .hasMessageContaining("Discord refuses webhook names containing \"discord\" or \"clyde\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Up\u0007loads", "Up\nloads", "Uploads\u202Etxt.exe", "Up\u009Bloads"})
    void refusesAUsernameWithControlOrBidiCharacters(String name) {
        assertThatThrownBy(() -> settings(Map.of("DISCORD_USERNAME", name)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DISCORD_USERNAME=")
                .hasMessageContaining("a name without control or bidi characters; this has U+")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0007", "\u202E", "\u009B"));
    }

    @Test
    void refusesAUsernameOver80Characters() {
        assertThatThrownBy(() -> settings(Map.of("DISCORD_USERNAME", "u".repeat(81))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DISCORD_USERNAME").hasMessageContaining("at most 80 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12a4", "-5", "https://discord.com/channels/1/2"})
    void refusesAThreadIdThatIsNotDigits(String id) {
        assertThatThrownBy(() -> settings(Map.of("DISCORD_THREAD_ID", id)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DISCORD_THREAD_ID").hasMessageContaining("digits only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/a.png", "not a url", "ftp://example.com/a.png"})
    void refusesAnAvatarThatIsNotAnHttpsUrl(String url) {
        assertThatThrownBy(() -> settings(Map.of("DISCORD_AVATAR_URL", url)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("DISCORD_AVATAR_URL");
    }

    @Test
    void refusesAnAvatarUrlOver2048Characters() {
        assertThatThrownBy(() -> settings(Map.of("DISCORD_AVATAR_URL", "https://e.com/" + "a".repeat(2_040))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at most 2048 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "16777216", "#3498db", "0x3498DB", "blue"})
    void refusesAColourOutsideDiscordsRange(String color) {
        assertThatThrownBy(() -> settings(Map.of("EMBED_COLOR", color)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("EMBED_COLOR").hasMessageContaining("a whole number from 0 to 16777215");
    }

    @Test
    void refusesAFooterOver2048Characters() {
        assertThatThrownBy(() -> settings(Map.of("FOOTER_TEXT", "f".repeat(2_049))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("FOOTER_TEXT").hasMessageContaining("at most 2048 characters");
    }

    @Test
    void listsEveryProblemAtOnce() {
        ConfigurationException e = refused(Map.of("DISCORD_USERNAME", "Discord", "DISCORD_THREAD_ID", "x",
                "EMBED_COLOR", "red"));
        assertThat(e.problems()).hasSize(3);
    }
}
