package dev.s3notify.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsTest {
    @Test
    void keepsTheCodeStatusAndFirstLineButNoSigningParameterNorControlCharacter() {
        AwsServiceException e = AwsServiceException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails
                .builder().errorCode("SignatureDoesNotMatch").errorMessage("The request signature we calculated"
                        + " does not match \u001b[31mhttps://b.s3.amazonaws.com/k?X-Amz-Signature=abc123&"
                        + "X-Amz-Security-Token=tok%2Fen&X-Amz-Credential=AKIA%2Fx\nCanonicalRequest: x-amz-security-"
                        + "token:the-session-token").build()).build();

        String text = AwsErrors.describe(e);

        assertThat(text).startsWith("SignatureDoesNotMatch (HTTP 403): The request signature we calculated")
                .contains("X-Amz-Signature=<redacted>").contains("X-Amz-Security-Token=<redacted>")
                .doesNotContain("abc123").doesNotContain("tok%2Fen").doesNotContain("the-session-token")
                .doesNotContain("\u001b");
        assertThat(AwsErrors.retryable(e)).isFalse();
        assertThat(AwsErrors.refused(e)).isTrue();
    }

    @Test
    void capsALongMessage() {
        String text = AwsErrors.describe(SdkClientException.create("x".repeat(5_000)));

        assertThat(text).hasSizeLessThan(260).endsWith("...");
    }

    @Test
    void wordsAFailedConnectionWithoutClassNamesOrNull() {
        String refused = AwsErrors.describe(SdkClientException.create("Unable to execute HTTP request: refused",
                new java.net.ConnectException("Connection refused")));
        String silent = AwsErrors.describe(SdkClientException.create("Unable to execute HTTP request",
                new java.net.SocketException()));

        assertThat(refused).isEqualTo("connection failed (Connection refused)");
        assertThat(silent).isEqualTo("connection failed");
        assertThat(AwsErrors.describe(SdkClientException.create(null))).doesNotContain("null");
    }

    @Test
    void treatsThrottlingServerErrorsAndLostConnectionsAsRetryable() {
        assertThat(AwsErrors.retryable(AwsServiceException.builder().statusCode(503).build())).isTrue();
        assertThat(AwsErrors.retryable(AwsServiceException.builder().statusCode(400).awsErrorDetails(
                AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build())).isTrue();
        assertThat(AwsErrors.retryable(SdkClientException.create("Connection reset"))).isTrue();
        assertThat(AwsErrors.refused(AwsServiceException.builder().statusCode(503).build())).isFalse();
    }
}
