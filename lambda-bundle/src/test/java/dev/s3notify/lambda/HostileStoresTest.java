package dev.s3notify.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.lambda.FaultyAws.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The delivery-records table failing ({@code IDEMPOTENCY_TABLE} on a loopback stand-in, {@link FaultyAws}), through
 * the real dispatcher: one ERROR line per invocation, not per message, naming the table, the operation and AWS's
 * error code (or that no answer came); every message not delivered reported for retry; nothing posted that was not
 * claimed; and the handler answers before the deadline.
 */
class HostileStoresTest {
    private static final long DEADLINE_MS = 8_000;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "SERVER_ERROR, InternalServerError",
        "THROTTLING, ProvisionedThroughputExceededException",
        "ACCESS_DENIED, AccessDeniedException",
        "MISSING, ResourceNotFoundException",
        "NOT_ANSWERING, no answer in time"})
    void saysOnceWhyNoRecordCouldBeClaimedAndRetriesEveryMessage(Fault fault, String code) throws Exception {
        try (FaultyAws aws = new FaultyAws().fail("DynamoDB.*", fault)) {
            QueueBatch.Answer answer = QueueBatch.invoke(QueueBatch.dispatcher(aws), QueueBatch.of(5), DEADLINE_MS);

            assertThat(answer.failures()).containsExactlyInAnyOrderElementsOf(QueueBatch.ids(0, 5));
            assertThat(aws.count("Webhook.POST")).isZero();
            assertThat(answer.errors()).as(answer.log()).singleElement().asString().contains("deliveries")
                    .contains("PutItem").contains(code).doesNotContain("faulty-token");
            assertThat(answer.millis()).isLessThan(DEADLINE_MS);
        }
    }

    @Test
    void saysOnceThatDeliveredMessagesCouldNotBeMarkedAndReportsThemDelivered() throws Exception {
        // The five claims are written; the table then throttles: the digest is posted, its records stay claimed.
        try (FaultyAws aws = new FaultyAws().fail("DynamoDB.PutItem", Fault.THROTTLING, 5)) {
            QueueBatch.Answer answer = QueueBatch.invoke(QueueBatch.dispatcher(aws), QueueBatch.of(5), DEADLINE_MS);

            assertThat(aws.count("Webhook.POST")).isEqualTo(1);
            assertThat(answer.failures()).isEmpty();
            assertThat(answer.errors()).as(answer.log()).singleElement().asString().contains("deliveries")
                    .contains("PutItem").contains("ProvisionedThroughputExceededException");
        }
    }

    @Test
    void saysOnceThatClaimsCouldNotBeReleasedAndRetriesEveryMessage() throws Exception {
        // Five claims are released in one TransactWriteItems, which the role may not make.
        try (FaultyAws aws = new FaultyAws().fail("DynamoDB.TransactWriteItems", Fault.ACCESS_DENIED)
                .webhookAnswers(500)) {
            QueueBatch.Answer answer = QueueBatch.invoke(QueueBatch.dispatcher(aws), QueueBatch.of(5), DEADLINE_MS);

            assertThat(answer.failures()).containsExactlyInAnyOrderElementsOf(QueueBatch.ids(0, 5));
            List<String> store = answer.errors().stream().filter(line -> line.contains("deliveries")).toList();
            assertThat(store).as(answer.log()).singleElement().asString().contains("TransactWriteItems")
                    .contains("AccessDeniedException");
        }
    }
}
