package dev.s3notify.core.queue;

import static dev.s3notify.core.queue.QueueFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.s3notify.core.aws.DeliveryTable;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import dev.s3notify.core.queue.DeliveryRecords.Claim;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Delivery records against dynalite: the conditional writes do what the queue path relies on. */
class DynamoDbDeliveryRecordsTest extends DynaliteTableTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private DynamoDbDeliveryRecords records() {
        return new DynamoDbDeliveryRecords(new DeliveryTable(() -> dynamo, table), clock);
    }

    @Test
    void claimsAnEventOnceAndSkipsItOnceDelivered() {
        DynamoDbDeliveryRecords first = records();
        DynamoDbDeliveryRecords second = records();

        assertThat(first.claim("dest", "event-1", NOW.plusSeconds(90), null)).isEqualTo(Claim.CLAIMED);
        assertThat(second.claim("dest", "event-1", NOW.plusSeconds(90), null)).isEqualTo(Claim.BUSY);
        first.delivered("dest", "event-1", null);

        assertThat(second.claim("dest", "event-1", NOW.plusSeconds(90), null)).isEqualTo(Claim.DELIVERED);
        assertThat(dynalite.item(dynamo, table, "dest#event-1")).containsKeys("state", "expiresAt")
                .satisfies(item -> assertThat(item.get("state").s()).isEqualTo("delivered"));
    }

    @Test
    void keepsDestinationsApart() {
        DynamoDbDeliveryRecords records = records();
        records.claim("discord", "event-1", NOW.plusSeconds(90), null);
        records.delivered("discord", "event-1", null);

        assertThat(records.claim("slack", "event-1", NOW.plusSeconds(90), null)).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void releasesAFailedDeliverySoThatARetryCanClaimIt() {
        DynamoDbDeliveryRecords first = records();
        first.claim("dest", "event-1", NOW.plusSeconds(90), null);

        first.release("dest", "event-1", null);

        assertThat(records().claim("dest", "event-1", NOW.plusSeconds(90), null)).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void takesOverTheClaimOfACrashedInvocationOnceItsLeaseLapses() {
        records().claim("dest", "event-1", NOW.plusSeconds(90), null);
        DynamoDbDeliveryRecords retry = records();

        now.set(NOW.plusSeconds(91));

        assertThat(retry.claim("dest", "event-1", NOW.plusSeconds(200), null)).isEqualTo(Claim.CLAIMED);
    }

    @Test
    void neverReleasesAnotherInvocationsClaimNorADeliveredRecord() {
        DynamoDbDeliveryRecords crashed = records();
        crashed.claim("dest", "event-1", NOW.plusSeconds(90), null);
        now.set(NOW.plusSeconds(91));
        DynamoDbDeliveryRecords retry = records();
        retry.claim("dest", "event-1", NOW.plusSeconds(200), null);
        retry.delivered("dest", "event-1", null);

        crashed.release("dest", "event-1", null);
        crashed.delivered("dest", "event-1", null);

        assertThat(dynalite.item(dynamo, table, "dest#event-1").get("state").s()).isEqualTo("delivered");
        assertThat(records().claim("dest", "event-1", NOW.plusSeconds(300), null)).isEqualTo(Claim.DELIVERED);
    }

    @Test
    void setsATimeToLiveBeyondSqsRetention() {
        records().claim("dest", "event-1", NOW.plusSeconds(90), null);

        long expiresAt = Long.parseLong(dynalite.item(dynamo, table, "dest#event-1").get("expiresAt").n());

        assertThat(expiresAt).isGreaterThan(NOW.plus(java.time.Duration.ofDays(14)).getEpochSecond());
    }

    @Test
    void saysTheTableAndAwsErrorCodeWhenTheTableIsMissing() {
        DynamoDbDeliveryRecords records = new DynamoDbDeliveryRecords(
                new DeliveryTable(() -> dynamo, "no-such-table"), clock);

        DeliveryException e = catchThrowableOfType(() -> records.claim("dest", "event-1", NOW.plusSeconds(90), null),
                DeliveryException.class);

        assertThat(e.reason()).isEqualTo(FailureReason.STORE_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e).hasMessageContaining("no-such-table").hasMessageContaining("ResourceNotFoundException");
    }

    @Test
    void marksEveryClaimUnavailableWithWhyWhenTheTableIsMissing() {
        DynamoDbDeliveryRecords records = new DynamoDbDeliveryRecords(
                new DeliveryTable(() -> dynamo, "no-such-table"), clock);

        DeliveryRecords.Claims claims = records.claimAll("dest", java.util.List.of("a", "b", "c"),
                NOW.plusSeconds(90), null);

        assertThat(claims.claims()).containsOnlyKeys("a", "b", "c").containsValues(Claim.UNAVAILABLE);
        assertThat(claims.claims().values()).containsOnly(Claim.UNAVAILABLE);
        assertThat(claims.failure()).hasMessageContaining("no-such-table");
    }

    @Test
    void readsTheExistingRecordFromTheRefusedWriteOrOnceMoreWhenTheAnswerHasNone() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        DynamoDbClient counting = (DynamoDbClient) java.lang.reflect.Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getItem")) {
                        reads.incrementAndGet();
                    }
                    try {
                        return method.invoke(dynamo, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DynamoDbDeliveryRecords first = records();
        first.claim("dest", "event-1", NOW.plusSeconds(90), null);
        first.delivered("dest", "event-1", null);
        boolean oldItemReturned;
        try {
            dynamo.putItem(b -> b.tableName(table).item(java.util.Map.of("pk",
                    software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("dest#event-1")))
                    .conditionExpression("attribute_not_exists(pk)").returnValuesOnConditionCheckFailure(
                            software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure.ALL_OLD));
            throw new AssertionError("the conditional write was not refused");
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            oldItemReturned = e.hasItem();
        }

        Claim claim = new DynamoDbDeliveryRecords(new DeliveryTable(() -> counting, table), clock).claim("dest", "event-1",
                NOW.plusSeconds(90), null);

        assertThat(claim).isEqualTo(Claim.DELIVERED);
        // dynalite 4.0.0 ignores ReturnValuesOnConditionCheckFailure; DynamoDB returns the item and no read is made.
        assertThat(reads.get()).isEqualTo(oldItemReturned ? 0 : 1);
    }
}
