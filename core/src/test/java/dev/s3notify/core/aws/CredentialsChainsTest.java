package dev.s3notify.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.error.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The chains chosen from the environment map. Profiles come from temporary files the map names, never from the
 * machine's own ~/.aws.
 */
class CredentialsChainsTest {
    @TempDir
    Path dir;

    @Test
    void signsWithTheKeyOfTheProfileAwsProfileNames() throws Exception {
        Map<String, String> env = profiles("x");

        AwsSession session = AwsSession.create(env, new Settings(env), null);
        Link link = new S3LinkSigner(session, session.credentials(), null, false).presign(
                ObjectEvent.builder().bucket("uploads").key("f.txt").type(EventType.CREATED).region("eu-west-1")
                        .sourceEventId("e").build(), null, Duration.ofHours(1), Instant.now());

        assertThat(link.url()).contains("X-Amz-Credential=AKIAPROFILEX%2F").doesNotContain("AKIADEFAULT");
    }

    @Test
    void takesTheDefaultProfileWhenAwsProfileIsUnset() throws Exception {
        Map<String, String> env = profiles(null);

        assertThat(CredentialsChains.forEnvironment(env).resolveCredentials().accessKeyId()).isEqualTo("AKIADEFAULT");
        assertThat(CredentialsChains.named(env)).isTrue();
    }

    @Test
    void readsRoleKeysFromTheMapFirst() {
        AwsCredentials credentials = CredentialsChains.forEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f",
                "AWS_ACCESS_KEY_ID", "ASIAROLE", "AWS_SECRET_ACCESS_KEY", "s", "AWS_SESSION_TOKEN", "t"))
                .resolveCredentials();

        assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
        assertThat(credentials.accessKeyId()).isEqualTo("ASIAROLE");
        assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("t");
    }

    @Test
    void failsOnLambdaWithoutCredentialsSayingWhereItLooked() {
        assertThatThrownBy(() -> CredentialsChains.forEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f",
                "AWS_SECRET_ACCESS_KEY", "s")).resolveCredentials())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID is not")
                .hasMessageContaining("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }

    @Test
    void namesNoCredentialsInAnEmptyEnvironmentSoDryRunsNeverAskTheMetadataService() {
        Path empty = dir.resolve("empty-home");

        assertThat(CredentialsChains.named(Map.of("HOME", empty.toString()))).isFalse();
        assertThat(CredentialsChains.named(Map.of())).isFalse();
        assertThat(CredentialsChains.named(Map.of("AWS_PROFILE", "x"))).isTrue();
        assertThat(CredentialsChains.named(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1/c")))
                .isTrue();
        assertThat(CredentialsChains.named(Map.of("AWS_ACCESS_KEY_ID", "  "))).isFalse();
    }

    @Test
    void ignoresProfilesOnLambda() throws Exception {
        Map<String, String> env = profiles("x");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "f");

        assertThat(CredentialsChains.named(env)).isFalse();
        assertThat(CredentialsChains.onLambda(env)).isTrue();
    }

    @Test
    void knowsSessionTokensAndContainerEndpointsAreTemporary() {
        assertThat(CredentialsChains.temporary(Map.of("AWS_ACCESS_KEY_ID", "ASIA", "AWS_SESSION_TOKEN", "t")))
                .isTrue();
        assertThat(CredentialsChains.temporary(Map.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/c"))).isTrue();
        assertThat(CredentialsChains.temporary(Map.of("AWS_ACCESS_KEY_ID", "AKIA", "AWS_SESSION_TOKEN", "")))
                .isFalse();
    }

    private Map<String, String> profiles(String profile) throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"), """
                [default]
                aws_access_key_id = AKIADEFAULT
                aws_secret_access_key = default-secret

                [x]
                aws_access_key_id = AKIAPROFILEX
                aws_secret_access_key = x-secret
                """);
        Path config = Files.writeString(dir.resolve("config"), "[profile x]\nregion = eu-west-1\n");
        Map<String, String> env = new HashMap<>();
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("HOME", dir.resolve("no-such-home").toString());
        if (profile != null) {
            env.put("AWS_PROFILE", profile);
        }
        return env;
    }
}
