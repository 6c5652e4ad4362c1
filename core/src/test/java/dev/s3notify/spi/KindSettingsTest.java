package dev.s3notify.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.config.Settings;
import dev.s3notify.core.error.ConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KindSettingsTest {
    private static final Variable<Long> WIDTH = Variable.integer("TEST_WIDTH", "webhook-dispatcher", "80", 1, 200,
            "columns");
    private static final Variable<Boolean> LOUD = Variable.bool("TEST_LOUD", "webhook-dispatcher", "false",
            "shout");
    private static final Variable<String> TOKEN = Variable.text("TEST_TOKEN", "webhook-dispatcher", null, "token")
            .asSecret();
    private static final Variable<Long> PIN = Variable.integer("TEST_PIN", "webhook-dispatcher", null, 0, 9999,
            "pin").asSecret();

    @Test
    void readsDeclaredValuesAndDefaults() {
        KindSettings settings = KindSettings.of(List.of(WIDTH, LOUD, TOKEN),
                Map.of("TEST_LOUD", "yes", "UNRELATED", "x"));

        assertThat(settings.get(WIDTH)).isEqualTo(80L);
        assertThat(settings.get(LOUD)).isTrue();
        assertThat(settings.get(TOKEN)).isNull();
    }

    @Test
    void reportsEveryInvalidValueAtOnceWithoutShowingSecrets() {
        assertThatThrownBy(() -> KindSettings.of(List.of(WIDTH, LOUD, TOKEN.asRequired(), PIN),
                Map.of("TEST_WIDTH", "wide", "TEST_LOUD", "very", "TEST_PIN", "hunter2")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("hunter2")
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
                        "TEST_WIDTH='wide' is not valid: expected a whole number from 1 to 200",
                        "TEST_LOUD='very' is not valid: expected true or false",
                        "TEST_TOKEN is required but not set: token",
                        "TEST_PIN=<secret> is not valid: expected a whole number from 0 to 9999"));
    }

    @Test
    void recordsProblemsInTheSharedSettingsForOneReport() {
        Settings env = new Settings(Map.of("TEST_WIDTH", "0"));

        KindSettings.read(List.of(WIDTH), env::get);

        assertThat(env.problems()).containsExactly("TEST_WIDTH='0' is not valid: expected a whole number from 1 to 200");
    }

    @Test
    void refusesAVariableTheFormatterDidNotDeclare() {
        KindSettings settings = KindSettings.of(List.of(WIDTH), Map.of());

        assertThatThrownBy(() -> settings.get(LOUD)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TEST_LOUD is not declared");
    }
}
