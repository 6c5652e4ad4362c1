package dev.s3notify.core.aws;

import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import dev.s3notify.core.error.S3NotifyException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The delivery-records table's conditional writes ({@code IDEMPOTENCY_TABLE}: partition key {@code pk}, TTL
 * attribute {@code expiresAt}), in core's types: the queue path's records speak these, never the SDK. A write the
 * table refuses on its condition is an answer, not an error; a table that cannot be read or written (missing,
 * access denied, throttled past the SDK's retries) is a {@link DeliveryException} with
 * {@link FailureReason#STORE_UNAVAILABLE} naming the table, the operation and AWS's error code. Every call ends
 * before the invocation's deadline ({@link AwsSession#within}). Thread-safe.
 */
public final class DeliveryTable {
    /** The state of a record whose delivery is under way. */
    public static final String IN_PROGRESS = "in-progress";
    /** The state of a record whose message was accepted. */
    public static final String DELIVERED = "delivered";
    /** The state of a destination's digest window record. */
    public static final String WINDOW = "window";
    /** The most items of one TransactWriteItems call. */
    public static final int TRANSACTION = 100;

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

    /** @return the table's name ({@code IDEMPOTENCY_TABLE}), for messages */
    public String name() {
        return table;
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
     * @param deadline when the invocation ends: the calls end before it ({@link AwsSession#within})
     * @return whether it was written, and if not, the existing record's state
     */
    public Claimed claim(String key, String owner, Instant leaseUntil, Instant now, Instant expiresAt,
            Instant deadline) {
        try {
            call("PutItem", deadline, timeouts -> dynamo.get().putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s(key), "state", s(IN_PROGRESS), "owner", s(owner),
                            "leaseUntil", n(leaseUntil.getEpochSecond()), "expiresAt", n(expiresAt.getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk) OR (#state = :inProgress AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS), ":now", n(now.getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .overrideConfiguration(timeouts)));
            return new Claimed(true, null);
        } catch (ConditionalCheckFailedException e) {
            return new Claimed(false, state(e, key, deadline));
        }
    }

    /**
     * What opening a digest window came to.
     *
     * @param opened whether this call opened it
     * @param closesAt when the window open now closes (ours, or the one that refused ours)
     * @param previousClose when the window before it closed, or null when there was none
     */
    public record Window(boolean opened, Instant closesAt, Instant previousClose) {
    }

    /**
     * Opens a destination's digest window: one UpdateItem, written only where no window record exists or the one
     * there has closed ({@code closesAt <= now}), keeping the closed window's {@code closesAt} as
     * {@code previousClose}. Two invocations opening at once: the table's condition lets one through; the other is
     * told the winner's window (from the refused write's {@code ALL_OLD}, else read). A window whose holder crashed
     * closes all the same: nothing but time closes it. Times in epoch milliseconds; {@code expiresAt} (TTL) in
     * seconds.
     *
     * @param key the window record's key
     * @param owner this instance's id
     * @param now the time, against which the open window has closed or not
     * @param closesAt when the window opened now closes
     * @param expiresAt when the table may delete the record
     * @param deadline when the invocation ends: the calls end before it
     * @return whether it was opened, and the window open now
     */
    public Window openWindow(String key, String owner, Instant now, Instant closesAt, Instant expiresAt,
            Instant deadline) {
        try {
            call("UpdateItem", deadline, timeouts -> dynamo.get().updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s(key)))
                    .updateExpression("SET previousClose = if_not_exists(closesAt, :none), closesAt = :closes,"
                            + " opensAt = :now, #state = :window, #owner = :me, expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(pk) OR closesAt <= :now")
                    .expressionAttributeNames(Map.of("#state", "state", "#owner", "owner"))
                    .expressionAttributeValues(Map.of(":none", n(0), ":closes", n(closesAt.toEpochMilli()),
                            ":now", n(now.toEpochMilli()), ":window", s(WINDOW), ":me", s(owner),
                            ":expires", n(expiresAt.getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .overrideConfiguration(timeouts)));
            return new Window(true, closesAt, null);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> item = existing(e, key, deadline);
            Instant previous = millis(item, "previousClose");
            return new Window(false, millis(item, "closesAt"), previous == null || previous.toEpochMilli() == 0 ? null
                    : previous);
        }
    }

    /**
     * Marks a record delivered, unless another owner holds it (its outcome stands).
     *
     * @param key the record's key
     * @param owner this instance's id
     * @param now when it was delivered
     * @param expiresAt when the table may delete the record
     * @param deadline when the invocation ends: the call ends before it
     */
    public void markDelivered(String key, String owner, Instant now, Instant expiresAt, Instant deadline) {
        try {
            call("PutItem", deadline, timeouts -> dynamo.get().putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s(key), "state", s(DELIVERED), "owner", s(owner),
                            "deliveredAt", n(now.getEpochSecond()), "expiresAt", n(expiresAt.getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk) OR #owner = :me")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":me", s(owner))).overrideConfiguration(timeouts)));
        } catch (ConditionalCheckFailedException e) {
            // Our lease lapsed and another invocation claimed it: its outcome stands.
        }
    }

    /**
     * Deletes this owner's in-progress record; one that is not ours any more, or gone, is left alone.
     *
     * @param key the record's key
     * @param owner this instance's id
     * @param deadline when the invocation ends: the call ends before it
     */
    public void release(String key, String owner, Instant deadline) {
        try {
            call("DeleteItem", deadline, timeouts -> dynamo.get().deleteItem(b -> b.tableName(table)
                    .key(Map.of("pk", s(key)))
                    .conditionExpression("#owner = :me AND #state = :inProgress")
                    .expressionAttributeNames(Map.of("#owner", "owner", "#state", "state"))
                    .expressionAttributeValues(Map.of(":me", s(owner), ":inProgress", s(IN_PROGRESS)))
                    .overrideConfiguration(timeouts)));
        } catch (ConditionalCheckFailedException e) {
            // Not ours any more (lease lapsed and taken over) or already gone: nothing to release.
        }
    }

    /**
     * Releases several of this owner's claims in one TransactWriteItems: a plain delete each, on the same condition
     * as {@link #release}, at two write units each. A transaction is cancelled as a whole when one of its conditions
     * fails (a claim taken over since our lease lapsed, or gone): then none was deleted, and the records whose own
     * condition did not fail are returned, to be released one by one.
     *
     * @param keys the records' keys, at most {@value #TRANSACTION}
     * @param owner this instance's id
     * @param deadline when the invocation ends: the call ends before it
     * @return the keys still to release one by one: none when the transaction went through
     * @throws DeliveryException ({@code STORE_UNAVAILABLE}) when the call failed as a whole
     */
    public List<String> releaseTogether(List<String> keys, String owner, Instant deadline) {
        if (keys.size() > TRANSACTION) {
            throw new IllegalArgumentException("at most " + TRANSACTION + " records per transaction, not "
                    + keys.size());
        }
        List<TransactWriteItem> deletes = keys.stream().map(key -> TransactWriteItem.builder().delete(d -> d
                .tableName(table).key(Map.of("pk", s(key))).conditionExpression("#owner = :me AND #state = :inProgress")
                .expressionAttributeNames(Map.of("#owner", "owner", "#state", "state"))
                .expressionAttributeValues(Map.of(":me", s(owner), ":inProgress", s(IN_PROGRESS)))).build()).toList();
        try {
            call("TransactWriteItems", deadline, timeouts -> dynamo.get().transactWriteItems(b -> b
                    .transactItems(deletes).overrideConfiguration(timeouts)));
            return List.of();
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                // Not ours any more, or gone: nothing to release. Any other reason: try it alone.
                if (i >= reasons.size() || !"ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    rest.add(keys.get(i));
                }
            }
            return rest;
        }
    }

    /** The existing record's state: from the refused write's ALL_OLD item, or read when the answer had none. */
    private String state(ConditionalCheckFailedException refused, String key, Instant deadline) {
        Map<String, AttributeValue> item = existing(refused, key, deadline);
        AttributeValue state = item == null ? null : item.get("state");
        return state == null ? null : state.s();
    }

    /** The record that refused a write: from the refused write's ALL_OLD item, or read when the answer had none. */
    private Map<String, AttributeValue> existing(ConditionalCheckFailedException refused, String key,
            Instant deadline) {
        return refused.hasItem() ? refused.item()
                : call("GetItem", deadline, timeouts -> dynamo.get().getItem(b -> b.tableName(table)
                        .consistentRead(true).key(Map.of("pk", s(key))).overrideConfiguration(timeouts))).item();
    }

    private static Instant millis(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        return value == null || value.n() == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }

    /**
     * Runs one call within the deadline; a failure other than a refused condition says the table, the operation
     * and AWS's error code (or that no answer came in time).
     */
    private <T> T call(String name, Instant deadline, Function<AwsRequestOverrideConfiguration, T> call) {
        String what = "DynamoDB " + name + " on delivery-records table " + table;
        AwsRequestOverrideConfiguration timeouts;
        try {
            timeouts = AwsSession.within(deadline);
        } catch (S3NotifyException e) {
            throw new DeliveryException(FailureReason.STORE_UNAVAILABLE, what + " not made: " + e.getMessage(), e);
        }
        try {
            return call.apply(timeouts);
        } catch (ConditionalCheckFailedException | TransactionCanceledException e) {
            throw e;
        } catch (SdkException | UncheckedIOException e) {
            AwsCallFailed failed = AwsCallFailed.of(what, e);
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
