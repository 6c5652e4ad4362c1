package dev.s3notify.core.queue;

import dev.s3notify.core.aws.AwsCallFailed;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Delivery records in a DynamoDB table ({@code IDEMPOTENCY_TABLE}) whose partition key is the string {@code pk}
 * ({@code <destination hash>#<event key>}) and whose TTL attribute is {@code expiresAt}. Every write is
 * conditional: a claim succeeds only where no record exists or an in-progress one's lease has lapsed; marking
 * delivered and releasing touch only this instance's own claims. A table that cannot be read or written (missing,
 * access denied, throttled past the SDK's retries) is a {@link DeliveryException} with
 * {@link FailureReason#STORE_UNAVAILABLE}, naming the table and AWS's error code.
 */
public final class DynamoDbDeliveryRecords implements DeliveryRecords {
    /** Records outlive SQS's longest retention (14 days), so any redelivery of a message is recognised. */
    static final Duration KEEP = Duration.ofDays(15);
    static final String IN_PROGRESS = "in-progress";
    static final String DELIVERED = "delivered";

    private final Supplier<DynamoDbClient> dynamo;
    private final String table;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    /**
     * @param dynamo the client, made on first use
     * @param table the table's name
     * @param clock the time, for leases and expiry
     */
    public DynamoDbDeliveryRecords(Supplier<DynamoDbClient> dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Claim claim(String destination, String event, Instant leaseUntil) {
        Instant now = clock.instant();
        try {
            call("PutItem", () -> dynamo.get().putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s(key(destination, event)), "state", s(IN_PROGRESS), "owner", s(owner),
                            "leaseUntil", n(leaseUntil.getEpochSecond()),
                            "expiresAt", n(now.plus(KEEP).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk) OR (#state = :inProgress AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS),
                            ":now", n(now.getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException e) {
            return DELIVERED.equals(state(e, destination, event)) ? Claim.DELIVERED : Claim.BUSY;
        }
    }

    /** The existing record's state: from the refused write's ALL_OLD item, or read when the answer had none. */
    private String state(ConditionalCheckFailedException refused, String destination, String event) {
        Map<String, AttributeValue> item = refused.hasItem() ? refused.item()
                : call("GetItem", () -> dynamo.get().getItem(b -> b.tableName(table).consistentRead(true)
                        .key(Map.of("pk", s(key(destination, event)))))).item();
        AttributeValue state = item == null ? null : item.get("state");
        return state == null ? null : state.s();
    }

    @Override
    public void delivered(String destination, String event) {
        try {
            call("PutItem", () -> dynamo.get().putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s(key(destination, event)), "state", s(DELIVERED), "owner", s(owner),
                            "deliveredAt", n(clock.instant().getEpochSecond()),
                            "expiresAt", n(clock.instant().plus(KEEP).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk) OR #owner = :me")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":me", s(owner)))));
        } catch (ConditionalCheckFailedException e) {
            // Our lease lapsed and another invocation claimed it: its outcome stands.
        }
    }

    @Override
    public void release(String destination, String event) {
        try {
            call("DeleteItem", () -> dynamo.get().deleteItem(b -> b.tableName(table)
                    .key(Map.of("pk", s(key(destination, event))))
                    .conditionExpression("#owner = :me AND #state = :inProgress")
                    .expressionAttributeNames(Map.of("#owner", "owner", "#state", "state"))
                    .expressionAttributeValues(Map.of(":me", s(owner), ":inProgress", s(IN_PROGRESS)))));
        } catch (ConditionalCheckFailedException e) {
            // Not ours any more (lease lapsed and taken over) or already gone: nothing to release.
        }
    }

    @Override
    public Claims claimAll(String destination, List<String> events, Instant leaseUntil) {
        Map<String, Claim> claims = new ConcurrentHashMap<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Parallel.run(events, event -> {
            try {
                claims.put(event, claim(destination, event, leaseUntil));
            } catch (RuntimeException e) {
                claims.put(event, Claim.UNAVAILABLE);
                failure.compareAndSet(null, e);
            }
        });
        Map<String, Claim> ordered = new LinkedHashMap<>();
        events.forEach(event -> ordered.put(event, claims.getOrDefault(event, Claim.UNAVAILABLE)));
        return new Claims(ordered, failure.get());
    }

    @Override
    public int deliveredAll(String destination, List<String> events) {
        return Parallel.run(events, event -> delivered(destination, event));
    }

    static String key(String destination, String event) {
        return destination + "#" + event;
    }

    /** Runs one call; a failure other than a refused condition says the table and AWS's error code. */
    private <T> T call(String name, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException | java.io.UncheckedIOException e) {
            AwsCallFailed failed = AwsCallFailed.of("DynamoDB " + name + " on delivery-records table " + table, e);
            throw new DeliveryException(FailureReason.STORE_UNAVAILABLE, failed.getMessage()
                    + (failed.retryable() ? "" : "; check IDEMPOTENCY_TABLE and the function's DynamoDB permissions"),
                    failed);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
