package dev.s3notify.core.aws;

import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The delivery-records table's three conditional writes ({@code IDEMPOTENCY_TABLE}: partition key {@code pk}, TTL
 * attribute {@code expiresAt}), in core's types: the queue path's records speak these, never the SDK. A write the
 * table refuses on its condition is an answer, not an error; a table that cannot be read or written (missing,
 * access denied, throttled past the SDK's retries) is a {@link DeliveryException} with
 * {@link FailureReason#STORE_UNAVAILABLE} naming the table and AWS's error code. Thread-safe.
 */
public final class DeliveryTable {
    /** The state of a record whose delivery is under way. */
    public static final String IN_PROGRESS = "in-progress";
    /** The state of a record whose message was accepted. */
    public static final String DELIVERED = "delivered";

    private final Supplier<DynamoDbClient> dynamo;
    private final String table;

    /**
     * @param dynamo the client, made on first use
     * @param table the table's name
     */
    public DeliveryTable(Supplier<DynamoDbClient> dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * What a claim came to.
     *
     * @param written whether the claim was written
     * @param existingState when it was not, the state of the record that refused it, or null when none was read
     */
    public record Claimed(boolean written, String existingState) {
    }

    /**
     * Writes an in-progress record where none exists or an in-progress one's lease has lapsed. The refused write
     * returns the existing record ({@code ALL_OLD}); where the table's answer carries none, it is read.
     *
     * @param key the record's key
     * @param owner this instance's id
     * @param leaseUntil until when the claim holds
     * @param now the time, against which leases lapse
     * @param expiresAt when the table may delete the record
     * @return whether it was written, and if not, the existing record's state
     */
    public Claimed claim(String key, String owner, Instant leaseUntil, Instant now, Instant expiresAt) {
        try {
            call("PutItem", () -> dynamo.get().putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s(key), "state", s(IN_PROGRESS), "owner", s(owner),
                            "leaseUntil", n(leaseUntil.getEpochSecond()), "expiresAt", n(expiresAt.getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk) OR (#state = :inProgress AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS), ":now", n(now.getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return new Claimed(true, null);
        } catch (ConditionalCheckFailedException e) {
            return new Claimed(false, state(e, key));
        }
    }

    /**
     * Marks a record delivered, unless another owner holds it (its outcome stands).
     *
     * @param key the record's key
     * @param owner this instance's id
     * @param now when it was delivered
     * @param expiresAt when the table may delete the record
     */
    public void markDelivered(String key, String owner, Instant now, Instant expiresAt) {
        try {
            call("PutItem", () -> dynamo.get().putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s(key), "state", s(DELIVERED), "owner", s(owner),
                            "deliveredAt", n(now.getEpochSecond()), "expiresAt", n(expiresAt.getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk) OR #owner = :me")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":me", s(owner)))));
        } catch (ConditionalCheckFailedException e) {
            // Our lease lapsed and another invocation claimed it: its outcome stands.
        }
    }

    /**
     * Deletes this owner's in-progress record; one that is not ours any more, or gone, is left alone.
     *
     * @param key the record's key
     * @param owner this instance's id
     */
    public void release(String key, String owner) {
        try {
            call("DeleteItem", () -> dynamo.get().deleteItem(b -> b.tableName(table).key(Map.of("pk", s(key)))
                    .conditionExpression("#owner = :me AND #state = :inProgress")
                    .expressionAttributeNames(Map.of("#owner", "owner", "#state", "state"))
                    .expressionAttributeValues(Map.of(":me", s(owner), ":inProgress", s(IN_PROGRESS)))));
        } catch (ConditionalCheckFailedException e) {
            // Not ours any more (lease lapsed and taken over) or already gone: nothing to release.
        }
    }

    /** The existing record's state: from the refused write's ALL_OLD item, or read when the answer had none. */
    private String state(ConditionalCheckFailedException refused, String key) {
        Map<String, AttributeValue> item = refused.hasItem() ? refused.item()
                : call("GetItem", () -> dynamo.get().getItem(b -> b.tableName(table).consistentRead(true)
                        .key(Map.of("pk", s(key))))).item();
        AttributeValue state = item == null ? null : item.get("state");
        return state == null ? null : state.s();
    }

    /** Runs one call; a failure other than a refused condition says the table and AWS's error code. */
    private <T> T call(String name, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException | UncheckedIOException e) {
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
