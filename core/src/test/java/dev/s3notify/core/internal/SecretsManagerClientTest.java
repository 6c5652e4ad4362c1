package dev.s3notify.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.ConfigurationException;
import dev.s3notify.core.S3NotifyException;
import dev.s3notify.core.Secret;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretsManagerClientTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:link-keys-AbCdEf";
    private static final String VALUE = "{\"accessKeyId\":\"AKIA1\",\"secretAccessKey\":\"top-secret-value\"}";

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = AwsFixtures.startServer();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void returnsTheSecretStringOfTheSecret() {
        server.stubFor(post("/").willReturn(okJson(AwsJsonClient.JSON.createObjectNode().put("ARN", ARN)
                .put("SecretString", VALUE).put("VersionId", "v1").toString())));

        String log;
        Secret secret;
        try (AwsFixtures.CapturedLog captured = new AwsFixtures.CapturedLog()) {
            secret = client().secretString(ARN);
            log = captured.text();
        }

        assertThat(secret.reveal()).isEqualTo(VALUE);
        assertThat(log).contains(ARN).doesNotContain("top-secret-value");
        server.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("X-Amz-Security-Token", equalTo(AwsFixtures.SESSION_TOKEN))
                .withHeader("Authorization", matching(".*/20240501/us-east-1/secretsmanager/aws4_request, .*"))
                .withRequestBody(equalToJson("{\"SecretId\":\"" + ARN + "\"}")));
    }

    @Test
    void missingSecretIsAConfigurationErrorNamingTheArnAndType() {
        server.stubFor(post("/").willReturn(aResponse().withStatus(400).withBody("{\"__type\":"
                + "\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));

        assertThatThrownBy(() -> client().secretString(ARN))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Secrets Manager secret '" + ARN + "'")
                .hasMessageContaining("ResourceNotFoundException: Secrets Manager can't find the specified secret.")
                .hasCauseInstanceOf(AwsCallException.class);
    }

    @Test
    void serverErrorIsNotAConfigurationError() {
        server.stubFor(post("/").willReturn(aResponse().withStatus(500).withBody("{\"__type\":\"InternalServiceError\"}")));

        assertThatThrownBy(() -> client().secretString(ARN))
                .isExactlyInstanceOf(S3NotifyException.class)
                .hasMessageContaining(ARN)
                .hasMessageContaining("HTTP 500 InternalServiceError");
    }

    @Test
    void binarySecretIsRejectedWithoutShowingIt() {
        server.stubFor(post("/").willReturn(okJson("{\"ARN\":\"" + ARN + "\",\"SecretBinary\":\"dG9wLXNlY3JldA==\"}")));

        assertThatThrownBy(() -> client().secretString(ARN))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(ARN)
                .hasMessageContaining("no SecretString")
                .hasMessageNotContaining("dG9wLXNlY3JldA");
    }

    @Test
    void failureAfterReadingNeverShowsTheValue() {
        server.stubFor(post("/").willReturn(aResponse().withStatus(400).withBody(AwsJsonClient.JSON
                .createObjectNode().put("__type", "AccessDeniedException").put("SecretString", VALUE).toString())));

        assertThatThrownBy(() -> client().secretString(ARN))
                .hasMessageContaining("AccessDeniedException")
                .hasMessageNotContaining("top-secret-value");
    }

    private SecretsManagerClient client() {
        return new SecretsManagerClient(AwsFixtures.client("secretsmanager", server, AwsFixtures.SESSION,
                Duration.ofSeconds(5)));
    }
}
