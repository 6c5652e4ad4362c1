package dev.s3notify.sns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.spi.Delivery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sns.model.SnsException;

/** SNS's errors reach core's sender in HTTP's terms, which decide between for good and retried. */
class SnsErrorMappingTest {

    @ParameterizedTest
    @CsvSource({
        "NotFound, 404, 404", "AuthorizationError, 403, 403", "Throttled, 400, 429", "Throttling, 400, 429",
        "KMSThrottling, 400, 429", "KMSAccessDenied, 400, 403", "InvalidParameter, 400, 400",
        "InternalError, 500, 500", "Odd, 200, 500"})
    void mapsSnsErrorCodesToStatuses(String code, int status, int expected) {
        SnsException e = (SnsException) SnsException.builder().statusCode(status).awsErrorDetails(
                AwsErrorDetails.builder().errorCode(code).errorMessage("what SNS said").build()).build();

        Delivery.Answer answer = SnsDelivery.answer(e);

        assertThat(answer.status()).isEqualTo(expected);
        assertThat(answer.explanation()).isEqualTo(code + ": what SNS said");
    }
}
