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

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:sns:us-east-1:123456789012:uploads",
        "arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts.fifo", "https://hooks.slack.com/services/T/B/x"})
    void takesAnArnOrAnHttpsUrlAsADestination(String text) {
        assertThat(Urls.destination(text)).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:sns:us-east-1:123456789012:", "arn:aws:sns:us-east-1:123456789012:has space",
        "arn:", "ARN:AWS:SNS:US-EAST-1:123456789012:t", "arn:aws:sns:us-east-1:1234567890123:t"})
    void refusesAMalformedArnSayingWhatAnArnIs(String text) {
        assertThatThrownBy(() -> Urls.destination(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("an https URL, or an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/x", "ftp://example.com/x", "mailto:ops@example.com"})
    void keepsRefusingWhatIsNeitherAsBefore(String text) {
        assertThatThrownBy(() -> Urls.destination(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("an ");
    }
}
