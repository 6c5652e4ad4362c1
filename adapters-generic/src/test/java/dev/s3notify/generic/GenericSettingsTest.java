package dev.s3notify.generic;

import static dev.s3notify.generic.GenericTestSupport.created;
import static dev.s3notify.generic.GenericTestSupport.format;
import static dev.s3notify.generic.GenericTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.error.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** WEBHOOK_CONTENT_TYPE, WEBHOOK_HEADERS and WEBHOOK_SIGNING_SECRET are checked at start-up; secrets never shown. */
class GenericSettingsTest {
    private static final String HEADERS_EXPECTED = "WEBHOOK_HEADERS=<secret> is not valid: expected a JSON object of"
            + " header names to string values";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json | true",
        "application/cloudevents+json; charset=utf-8 | true",
        "Application/JSON | true",
        "text/plain | false",
        "text/plain; charset=utf-8 | false",
        "multipart/form-data; boundary=\"a b\" | false",
        "application/x-www-form-urlencoded | false",
    })
    void acceptsMediaTypes(String value, boolean json) {
        MediaType type = settings(Map.of("WEBHOOK_CONTENT_TYPE", value)).get(GenericVariables.WEBHOOK_CONTENT_TYPE);

        assertThat(type).isEqualTo(new MediaType(value, json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "text/", "/plain", "text/plain;", "a b/c", "text/plain; charset",
        "text/ht\u0000ml"})
    void refusesWhatIsNotAMediaType(String value) {
        assertThatThrownBy(() -> settings(Map.of("WEBHOOK_CONTENT_TYPE", value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("WEBHOOK_CONTENT_TYPE='" + value.strip().replace("\u0000", "")
                        + "' is not valid: expected a media"
                        + " type such as application/json");
    }

    @Test
    void sendsTheDocumentAsJsonWhateverTheContentTypeWithoutATemplate() {
        assertThat(format(Map.of("WEBHOOK_CONTENT_TYPE", "text/plain"), created("a.pdf")).contentType())
                .isEqualTo("application/json");
    }

    @Test
    void addsTheHeadersGiven() {
        Map<String, String> env = Map.of("WEBHOOK_HEADERS",
                "{\"X-Api-Key\": \"k-123\", \"Authorization\": \"Bearer abc.def\", \"X-Empty\": \"\"}");

        assertThat(format(env, created("a.pdf")).headers()).containsOnly(Map.entry("X-Api-Key", "k-123"),
                Map.entry("Authorization", "Bearer abc.def"), Map.entry("X-Empty", ""),
                Map.entry("webhook-id", GenericTestSupport.EVENT_ID));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"X-Api-Key\": s3cr3t-value}       | not valid JSON at line 1, column 17",
        "[\"s3cr3t-value\"]                   | (found a JSON array)",
        "\"s3cr3t-value\"                     | (found a JSON string)",
        "{\"X-Api-Key\": 12345678}            | the value of 'X-Api-Key' is a JSON number, not a string",
        "{\"X-Api-Key\": [\"s3cr3t-value\"]}  | the value of 'X-Api-Key' is a JSON array, not a string",
        "{\"Content-Type\": \"s3cr3t-value\"} | 'Content-Type' cannot be set here; set WEBHOOK_CONTENT_TYPE",
        "{\"host\": \"s3cr3t-value\"}         | 'host' is set by the HTTP client",
        "{\"Content-Length\": \"1\"}          | 'Content-Length' is set by the HTTP client",
        "{\"User-Agent\": \"s3cr3t-value\"}   | 'User-Agent' is set by the dispatcher (s3-notify)",
        "{\"Webhook-Signature\": \"s3cr3t-value\"} | 'Webhook-Signature' is reserved for Standard Webhooks signing",
        "{\"webhook-id\": \"s3cr3t-value\"}   | 'webhook-id' is reserved for Standard Webhooks signing",
        "{\"X-Key\": \"a\", \"x-key\": \"s3cr3t-value\"} | 'x-key' is given twice",
        "{\"X-Api-Key: s3cr3t-value\": \"\"}  | header name #1 is not an HTTP token",
        "{\"X Api Key\": \"s3cr3t-value\"}    | header name #1 is not an HTTP token",
        "{\"\": \"s3cr3t-value\"}             | header name #1 is not an HTTP token",
    })
    void refusesHeadersThatCannotBeSentWithoutShowingTheirValues(String value, String problem) {
        assertThatThrownBy(() -> settings(Map.of("WEBHOOK_HEADERS", value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(HEADERS_EXPECTED).hasMessageContaining(problem)
                .message().doesNotContain("s3cr3t").doesNotContain("12345678");
    }

    @Test
    void refusesLineBreaksInHeaderValues() {
        String value = "{\"X-Api-Key\": \"s3cr3t\\r\\nX-Evil: 1\", \"X-Other\": \"ok\\u0000\"}";

        assertThatThrownBy(() -> settings(Map.of("WEBHOOK_HEADERS", value)))
                .hasMessageContaining("the value of 'X-Api-Key' holds a line break or another control character;"
                        + " the value of 'X-Other' holds a line break")
                .message().doesNotContain("s3cr3t").doesNotContain("Evil");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3cr3t-\u043a\u043b\u044e\u0447", "s3cr3t-\u20ac", "s3cr3t-\uD83D\uDD11", "s3cr3t-\u0085"})
    void refusesHeaderValuesOutsideLatin1OrWithC1ControlsWithoutShowingThem(String secret) {
        String value = "{\"X-Api-Key\": \"" + secret + "\"}";

        assertThatThrownBy(() -> settings(Map.of("WEBHOOK_HEADERS", value)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(HEADERS_EXPECTED)
                .hasMessageContaining("the value of 'X-Api-Key' holds a")
                .message().doesNotContain("s3cr3t").doesNotContain(secret.substring(7));
    }

    @Test
    void acceptsLatin1HeaderValues() {
        assertThat(settings(Map.of("WEBHOOK_HEADERS", "{\"X-Team\": \"caf\u00e9 \u00d8resund\"}"))).isNotNull();
    }

    @Test
    void reportsEveryHeaderProblemAtOnce() {
        String value = "{\"Host\": \"a\", \"webhook-timestamp\": \"1\", \"Bad Name\": \"x\", \"X-Ok\": \"fine\"}";

        assertThatThrownBy(() -> settings(Map.of("WEBHOOK_HEADERS", value)))
                .hasMessageContaining("'Host' is set by the HTTP client; 'webhook-timestamp' is reserved")
                .hasMessageContaining("; header name #3 is not an HTTP token");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "whsec_",
        "whsec_not*base64*at*all*s3cr3t",
        "whsec_czNjcjN0",
        "whsec_czNjcjN0czNjcjN0czNjcjN0czNjcjN0czNjcjN0czNjcjN0czNjcjN0czNjcjN0czNjcjN0czNjcjN0czNjcjN0"
                + "czNjcjN0",
        "s3cr3t-passphrase",
    })
    void refusesSigningSecretsThatAreNotStandardWebhooksSecrets(String value) {
        assertThatThrownBy(() -> settings(Map.of("WEBHOOK_SIGNING_SECRET", value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("WEBHOOK_SIGNING_SECRET=<secret> is not valid: expected a Standard Webhooks"
                        + " secret: whsec_ followed by the base64 of 24 to 64 random bytes")
                .message().doesNotContain("s3cr3t").doesNotContain("czNjcjN0");
    }

    @Test
    void acceptsSigningSecretsOf24To64Bytes() {
        String of24 = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]);
        String of64 = java.util.Base64.getEncoder().encodeToString(new byte[64]);

        assertThat(settings(Map.of("WEBHOOK_SIGNING_SECRET", of24)).get(GenericVariables.WEBHOOK_SIGNING_SECRET))
                .isNotNull();
        assertThat(settings(Map.of("WEBHOOK_SIGNING_SECRET", of64)).get(GenericVariables.WEBHOOK_SIGNING_SECRET))
                .isNotNull();
    }

    @Test
    void listsEveryInvalidVariableTogether() {
        assertThatThrownBy(() -> settings(Map.of("WEBHOOK_CONTENT_TYPE", "json", "WEBHOOK_HEADERS", "[]",
                "WEBHOOK_SIGNING_SECRET", "x")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("3 problems");
    }
}
