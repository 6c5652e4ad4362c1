package dev.s3notify.core.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.support.Secret;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Secrets Manager and SSM reads through the SDK, against WireMock speaking AWS JSON 1.1. */
class StoredSecretsTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:signing-AbCdEf";
    private static final String VALUE = "{\"accessKeyId\":\"AKIA1\",\"secretAccessKey\":\"top-secret-value\"}";
    private static final String NAME = "/s3notify/webhook";
    private static final String TOKEN = "FQoGZXIvYXdzEXAMPLE-session-token";

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void returnsTheSecretStringSignedWithTheSessionsCredentials() {
        server.stubFor(post("/").willReturn(okJson("{\"ARN\":\"" + ARN + "\",\"SecretString\":"
                + "\"{\\\"accessKeyId\\\":\\\"AKIA1\\\",\\\"secretAccessKey\\\":\\\"top-secret-value\\\"}\","
                + "\"VersionId\":\"v1\"}")));

        Secret secret = secrets().secretString(ARN);

        assertThat(secret.reveal()).isEqualTo(VALUE);
        server.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withHeader("X-Amz-Security-Token", equalTo(TOKEN))
                .withHeader("Authorization", matching(".*/\\d{8}/us-east-1/secretsmanager/aws4_request, .*"))
                .withRequestBody(equalToJson("{\"SecretId\":\"" + ARN + "\"}")));
    }

    @Test
    void missingSecretIsAConfigurationErrorNamingTheArnAndType() {
        server.stubFor(post("/").willReturn(aResponse().withStatus(400).withBody("{\"__type\":"
                + "\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));

        assertThatThrownBy(() -> secrets().secretString(ARN))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Secrets Manager secret '" + ARN + "'")
                .hasMessageContaining("ResourceNotFoundException (HTTP 400): Secrets Manager can't find the specified"
                        + " secret.");
    }

    @Test
    void serverErrorIsNotAConfigurationError() {
        server.stubFor(post("/").willReturn(aResponse().withStatus(500)
                .withBody("{\"__type\":\"InternalServiceError\"}")));

        assertThatThrownBy(() -> secrets().secretString(ARN))
                .isExactlyInstanceOf(S3NotifyException.class)
                .hasMessageContaining(ARN)
                .hasMessageContaining("InternalServiceError (HTTP 500)");
    }

    @Test
    void binarySecretIsRejectedWithoutShowingIt() {
        server.stubFor(post("/").willReturn(okJson("{\"ARN\":\"" + ARN + "\",\"SecretBinary\":\"dG9wLXNlY3JldA==\"}")));

        assertThatThrownBy(() -> secrets().secretString(ARN))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no SecretString")
                .hasMessageNotContaining("dG9wLXNlY3JldA");
    }

    @Test
    void returnsTheDecryptedParameterValue() {
        server.stubFor(post("/").willReturn(okJson("{\"Parameter\":{\"Name\":\"" + NAME + "\",\"Type\":"
                + "\"SecureString\",\"Value\":\"https://hooks.example/top-secret-path\",\"Version\":3}}")));

        Secret value = secrets().parameter(NAME);

        assertThat(value.reveal()).isEqualTo("https://hooks.example/top-secret-path");
        server.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .withRequestBody(equalToJson("{\"Name\":\"" + NAME + "\",\"WithDecryption\":true}")));
    }

    @Test
    void forbiddenKeyNamesTheParameterAndAwsReasonOnly() {
        server.stubFor(post("/").willReturn(aResponse().withStatus(400).withBody("{\"__type\":"
                + "\"AccessDeniedException\",\"message\":\"not authorized to perform kms:Decrypt\\n"
                + "X-Amz-Security-Token=" + TOKEN + "\"}")));

        assertThatThrownBy(() -> secrets().parameter(NAME))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SSM parameter '" + NAME + "'")
                .hasMessageContaining("AccessDeniedException (HTTP 400): not authorized to perform kms:Decrypt")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void anAnswerWithoutTheValueIsNotASuccess() {
        server.stubFor(post("/").willReturn(okJson("{\"Parameter\":{\"Name\":\"" + NAME + "\",\"Version\":3}}")));

        assertThatThrownBy(() -> secrets().parameter(NAME))
                .isExactlyInstanceOf(S3NotifyException.class)
                .hasMessage("Cannot read SSM parameter '" + NAME + "': the GetParameter response has no"
                        + " Parameter.Value");
    }

    @Test
    void anAnswerThatIsNotJsonIsSaidSoWithoutQuotingIt() {
        server.stubFor(post("/").willReturn(okJson("{\"Parameter\":{\"Value\":\"https://hooks.example/top-secret\"")));

        assertThatThrownBy(() -> secrets().parameter(NAME))
                .isExactlyInstanceOf(S3NotifyException.class)
                .hasMessage("Cannot read SSM parameter '" + NAME + "': the GetParameter answer is not JSON");
    }

    private StoredSecrets secrets() {
        AwsSession session = AwsSession.create(Map.of(), new Settings(Map.of()), StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAEXAMPLE", "secret-key", TOKEN)));
        URI endpoint = URI.create(server.baseUrl());
        return new StoredSecrets(session, endpoint, endpoint);
    }
}
