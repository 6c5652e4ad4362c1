package dev.s3notify.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.s3notify.core.config.Settings;
import dev.s3notify.core.error.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * {@link StoredSecrets}' signed requests against moto, AWS's answers as moto plays them: a SecureString parameter and
 * a secret stored with the SDK's own clients (on the test class path only) read back, and the errors for missing
 * ones worded as AWS names them.
 */
class StoredSecretsMotoTest {
    private static final String URL = "https://discord.com/api/webhooks/1/moto-planted-token";
    private static MotoServer moto;
    private static AwsSession session;
    private static String secretArn;
    private static String skipped;

    @BeforeAll
    static void start() throws Exception {
        try {
            moto = MotoServer.start();
        } catch (TestAbortedException e) {
            // Said again by each test, so every one is reported skipped with the reason (a class-level skip is not).
            skipped = e.getMessage();
            return;
        }
        Map<String, String> env = Map.of("AWS_REGION", "eu-west-1");
        session = AwsSession.create(env, new Settings(env), AwsFixtures.KEYS);
        try (SsmClient ssm = session.configure(SsmClient.builder(), moto.endpoint(), null).build();
                SecretsManagerClient secrets = session.configure(SecretsManagerClient.builder(), moto.endpoint(), null)
                        .build()) {
            ssm.putParameter(b -> b.name("/s3-notify/webhook").type(ParameterType.SECURE_STRING).value(URL));
            secretArn = secrets.createSecret(b -> b.name("s3-notify-webhook").secretString("{\"url\":\"" + URL
                    + "\"}")).arn();
        }
    }

    @BeforeEach
    void needsMoto() {
        assumeTrue(skipped == null, skipped);
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    private static StoredSecrets secrets() {
        return new StoredSecrets(session, moto.endpoint(), moto.endpoint());
    }

    @Test
    void readsTheSecureStringDecrypted() {
        assertThat(secrets().parameter("/s3-notify/webhook").reveal()).isEqualTo(URL);
    }

    @Test
    void readsTheSecretByArnAndByName() {
        assertThat(secrets().secretString(secretArn).reveal()).isEqualTo("{\"url\":\"" + URL + "\"}");
        assertThat(secrets().secretString("s3-notify-webhook").reveal()).isEqualTo("{\"url\":\"" + URL + "\"}");
    }

    @Test
    void aMissingParameterIsParameterNotFoundNamingItInTheSdkClientsWords() {
        String sdk;
        try (SsmClient ssm = session.configure(SsmClient.builder(), moto.endpoint(), null).build()) {
            sdk = AwsErrors.describe(catchThrowable(() -> ssm.getParameter(b -> b.name("/s3-notify/missing"))));
        }

        assertThat(sdk).startsWith("ParameterNotFound (HTTP 400)");
        assertThatThrownBy(() -> secrets().parameter("/s3-notify/missing"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SSM parameter '/s3-notify/missing': " + sdk);
    }

    @Test
    void aMissingSecretIsResourceNotFoundNamingItInTheSdkClientsWords() {
        String sdk;
        try (SecretsManagerClient client = session.configure(SecretsManagerClient.builder(), moto.endpoint(), null)
                .build()) {
            sdk = AwsErrors.describe(catchThrowable(() -> client.getSecretValue(b -> b.secretId("s3-notify-missing"))));
        }

        // moto answers 404 where AWS answers 400: the same either way.
        assertThat(sdk).startsWith("ResourceNotFoundException (HTTP 4");
        assertThatThrownBy(() -> secrets().secretString("s3-notify-missing"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Secrets Manager secret 's3-notify-missing': " + sdk);
    }
}
