package dev.s3notify.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Every failed AWS call loses the secrets the process knows from its text, keeping its type. */
class RedactedErrorsTest {
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCY=EXAMPLEKEY";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ==";

    @Test
    void redactsTheMessageAndTheErrorDetailsOfAServiceErrorKeepingItsType() {
        AwsServiceException error = QueueDoesNotExistException.builder()
                .message("queue gone; signed with " + SECRET_KEY + " and " + TOKEN)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AWS.SimpleQueueService.NonExistentQueue")
                        .errorMessage("token " + TOKEN).rawResponse(SdkBytes.fromUtf8String(TOKEN)).build())
                .statusCode(400).build();

        Throwable redacted = RedactedErrors.redacted(error, List.of(SECRET_KEY, TOKEN));

        assertThat(redacted).isInstanceOf(QueueDoesNotExistException.class);
        AwsServiceException service = (AwsServiceException) redacted;
        assertThat(service.getMessage()).doesNotContain(SECRET_KEY, TOKEN).contains("queue gone", "<redacted>");
        assertThat(service.awsErrorDetails().errorMessage()).isEqualTo("token <redacted>");
        assertThat(service.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(service.awsErrorDetails().rawResponse()).as("the raw body is dropped").isNull();
        assertThat(service.statusCode()).isEqualTo(400);
    }

    @Test
    void redactsTheEncodedFormsAnErrorMayQuoteASecretIn() {
        String urlEncoded = URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
        String jsonEscaped = SECRET_KEY.replace("/", "\\/");
        AwsServiceException error = AwsServiceException.builder().message("canonical request had X-Amz-Security-Token="
                + urlEncoded + "; body {\"secret\":\"" + jsonEscaped + "\"}").statusCode(403).build();

        String message = RedactedErrors.redacted(error, List.of(SECRET_KEY, TOKEN)).getMessage();

        assertThat(message).doesNotContain(urlEncoded, jsonEscaped, TOKEN, SECRET_KEY, "EXAMPLEKEY");
    }

    @Test
    void redactsAClientErrorKeepingItsType() {
        SdkClientException error = SdkClientException.create("Unable to load credentials: " + SECRET_KEY);

        Throwable redacted = RedactedErrors.redacted(error, List.of(SECRET_KEY));

        assertThat(redacted).isInstanceOf(SdkClientException.class);
        assertThat(redacted.getMessage()).isEqualTo("Unable to load credentials: <redacted>");
    }

    @Test
    void returnsAnErrorWithNothingToRedactAsItIs() {
        SdkClientException client = SdkClientException.create("Unable to execute HTTP request: connect timed out");
        AwsServiceException service = AwsServiceException.builder().message("Throttling").statusCode(400).build();
        IllegalStateException other = new IllegalStateException(SECRET_KEY);

        assertThat(RedactedErrors.redacted(client, List.of(SECRET_KEY))).isSameAs(client);
        assertThat(RedactedErrors.redacted(service, List.of(SECRET_KEY))).isSameAs(service);
        assertThat(RedactedErrors.redacted(other, List.of(SECRET_KEY))).as("not the SDK's: not its to change")
                .isSameAs(other);
    }
}
