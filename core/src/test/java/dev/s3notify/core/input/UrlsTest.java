package dev.s3notify.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/hook", "http://LOCALHOST/hook", "http://127.0.0.1/hook",
        "http://127.255.255.254:9/hook", "http://[::1]:8080/hook", "http://[0:0:0:0:0:0:0:1]/hook"})
    void acceptsPlainHttpOnLoopbackLiterals(String url) {
        assertThat(Urls.parse(url, true)).hasToString(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1.nip.io/hook", "http://127.attacker.example/hook",
        "http://127.0.0.1.attacker.example/hook", "http://localhost.attacker.example/hook",
        "http://127.0.0.1.xip.io:8080/hook", "http://128.0.0.1/hook", "http://0.0.0.0/hook", "http://[::2]/hook",
        "http://[::ffff:10.0.0.1]/hook", "http://2130706433/hook"})
    void refusesPlainHttpToAnyOtherHost(String url) {
        assertThatThrownBy(() -> Urls.parse(url, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an https URL (plain http is accepted only for loopback: localhost, 127.0.0.0/8 and"
                        + " [::1])");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1.nip.io/hook", "https://discord.com/api/webhooks/1/x"})
    void acceptsHttpsToAnyHost(String url) {
        assertThat(Urls.parse(url, true)).hasToString(url);
    }
}
