package dev.s3notify.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.support.Secret;
import dev.s3notify.spi.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownSecretsTest {
    private static final Variable<String> HEADERS = Variable.text("WEBHOOK_HEADERS", "webhook-dispatcher", null,
            "headers").asSecret();
    private static final Variable<String> SIGNING = Variable.text("WEBHOOK_SIGNING_SECRET", "webhook-dispatcher",
            null, "secret").asSecret();
    private static final Variable<String> COLOR = Variable.text("EMBED_COLOR", "webhook-dispatcher", null, "colour");

    @Test
    void collectsSecretVariablesInTheFormsTheyAreSentInAndTheAwsCredentials() {
        Map<String, String> env = Map.of(
                "WEBHOOK_URL", "https://discord.com/api/webhooks/1/tok",
                "WEBHOOK_HEADERS", "{\"X-Api-Key\": \"key-123456\", \"X-Other\": \"other-654321\", \"N\": 5}",
                "WEBHOOK_SIGNING_SECRET", " whsec_c2VjcmV0LWJ5dGVz ",
                "EMBED_COLOR", "3447003",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "AWS_SESSION_TOKEN", "IQoJb3JpZ2luX2Vj",
                "AWS_REGION", "eu-west-1");

        List<String> found = KnownSecrets.in(env, List.of(Variables.WEBHOOK_URL, HEADERS, SIGNING, COLOR)).stream()
                .map(Secret::reveal).toList();

        assertThat(found).contains("https://discord.com/api/webhooks/1/tok", "key-123456", "other-654321",
                "whsec_c2VjcmV0LWJ5dGVz", "c2VjcmV0LWJ5dGVz", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "IQoJb3JpZ2luX2Vj").doesNotContain("3447003", "eu-west-1", "5").doesNotHaveDuplicates();
    }

    @Test
    void findsNothingInAnEnvironmentWithoutSecrets() {
        assertThat(KnownSecrets.in(Map.of("EMBED_COLOR", "1", "AWS_SESSION_TOKEN", " "), List.of(COLOR))).isEmpty();
    }
}
