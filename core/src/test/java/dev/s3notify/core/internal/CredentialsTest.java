package dev.s3notify.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.ConfigurationException;
import dev.s3notify.core.CredentialsProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    private static final HttpClient NO_HTTP = HttpClient.newHttpClient();

    @Test
    void readsLongTermKeysFromTheEnvironment() {
        AwsCredentials credentials = Credentials.defaultChain(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "s3cr3t")).credentials();

        assertThat(credentials.accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(credentials.secretAccessKey().reveal()).isEqualTo("s3cr3t");
        assertThat(credentials.temporary()).isFalse();
    }

    @Test
    void readsTheSessionTokenOfTemporaryKeysFromTheEnvironment() {
        AwsCredentials credentials = Credentials.defaultChain(Map.of("AWS_ACCESS_KEY_ID", "ASIAEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "s3cr3t", "AWS_SESSION_TOKEN", "tok3n")).credentials();

        assertThat(credentials.sessionToken().reveal()).isEqualTo("tok3n");
        assertThat(credentials.toString()).doesNotContain("s3cr3t").doesNotContain("tok3n");
    }

    @Test
    void prefersTheEnvironmentToTheContainerEndpoint() {
        CredentialsProvider provider = Credentials.defaultChain(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "s3cr3t", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/creds"));

        assertThat(provider).isNotInstanceOf(ContainerCredentialsProvider.class);
        assertThat(provider.credentials().accessKeyId()).isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void asksTheEcsAgentForARelativeUri() {
        CredentialsProvider provider = Credentials.defaultChain(
                Map.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc"), () -> NO_HTTP, Clock.systemUTC());

        assertThat(provider).isInstanceOfSatisfying(ContainerCredentialsProvider.class, container ->
                assertThat(container.endpoint()).isEqualTo(URI.create("http://169.254.170.2/v2/credentials/abc")));
    }

    @Test
    void namesEveryVariableItLookedAtWhenNothingIsSet() {
        CredentialsProvider provider = Credentials.defaultChain(Map.of("HOME", "/root"));

        assertThatThrownBy(provider::credentials)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no AWS credentials found")
                .hasMessageContaining("AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN)")
                .hasMessageContaining("AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    }

    @Test
    void saysWhichHalfOfAKeyPairIsMissingWithoutShowingTheOther() {
        CredentialsProvider provider = Credentials.defaultChain(Map.of("AWS_SECRET_ACCESS_KEY", "s3cr3t"));

        assertThatThrownBy(provider::credentials)
                .hasMessageContaining("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void refusesToSendTheTokenOverPlainHttpToAnArbitraryHost() {
        CredentialsProvider provider = Credentials.defaultChain(Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://evil.example.com/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "tok3n"));

        assertThatThrownBy(provider::credentials)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("names the host 'evil.example.com'")
                .hasMessageNotContaining("tok3n");
    }

    @Test
    void tellsWhetherTheEnvironmentNamesCredentialsAndWhetherTheyAreTemporary() {
        assertThat(Credentials.named(Map.of("AWS_ACCESS_KEY_ID", "AKID"))).isTrue();
        assertThat(Credentials.named(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1/c"))).isTrue();
        assertThat(Credentials.named(Map.of("AWS_ACCESS_KEY_ID", "  "))).isFalse();
        assertThat(Credentials.named(Map.of())).isFalse();
        assertThat(Credentials.temporary(Map.of("AWS_ACCESS_KEY_ID", "ASIA", "AWS_SESSION_TOKEN", "t"))).isTrue();
        assertThat(Credentials.temporary(Map.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/c"))).isTrue();
        assertThat(Credentials.temporary(Map.of("AWS_ACCESS_KEY_ID", "AKIA", "AWS_SESSION_TOKEN", ""))).isFalse();
    }
}
