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
import dev.s3notify.core.Secret;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParameterStoreClientTest {
    private static final String NAME = "/s3-notify/webhook-url";
    private static final String VALUE = "https://hooks.slack.com/services/T000/B000/top-secret-path";

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
    void returnsTheDecryptedParameterValue() {
        server.stubFor(post("/").willReturn(okJson("{\"Parameter\":{\"Name\":\"" + NAME + "\",\"Type\":\"SecureString\","
                + "\"Value\":\"" + VALUE + "\",\"Version\":3}}")));

        String log;
        Secret value;
        try (AwsFixtures.CapturedLog captured = new AwsFixtures.CapturedLog()) {
            value = client().parameter(NAME);
            log = captured.text();
        }

        assertThat(value.reveal()).isEqualTo(VALUE);
        assertThat(log).contains(NAME).contains("\"version\":3").doesNotContain("top-secret-path");
        server.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .withHeader("Authorization", matching(".*/20240501/us-east-1/ssm/aws4_request, .*"))
                .withRequestBody(equalToJson("{\"Name\":\"" + NAME + "\",\"WithDecryption\":true}")));
    }

    @Test
    void missingParameterIsAConfigurationErrorNamingItAndTheType() {
        server.stubFor(post("/").willReturn(aResponse().withStatus(400)
                .withBody("{\"__type\":\"ParameterNotFound\",\"message\":\"\"}")));

        assertThatThrownBy(() -> client().parameter(NAME))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SSM parameter '" + NAME + "'")
                .hasMessageContaining("HTTP 400 ParameterNotFound");
    }

    @Test
    void forbiddenKeyNamesTheParameterButNeverAValue() {
        server.stubFor(post("/").willReturn(aResponse().withStatus(400).withBody("{\"__type\":"
                + "\"AccessDeniedException\",\"message\":\"not authorized to perform kms:Decrypt\"}")));

        assertThatThrownBy(() -> client().parameter(NAME))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(NAME)
                .hasMessageContaining("AccessDeniedException: not authorized to perform kms:Decrypt")
                .hasMessageNotContaining("top-secret-path");
    }

    private ParameterStoreClient client() {
        return new ParameterStoreClient(AwsFixtures.client("ssm", server, AwsFixtures.KEYS, Duration.ofSeconds(5)));
    }
}
