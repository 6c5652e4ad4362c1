package dev.s3notify.core.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Delivery records in a DynamoDB table ({@code IDEMPOTENCY_TABLE}) whose partition key is the string {@code pk}
 * ({@code <destination hash>#<event key>}) and whose TTL attribute is {@code expiresAt}. Every write is
 * conditional: a claim succeeds only where no record exists or an in-progress one's lease has lapsed; marking
 * delivered and releasing touch only this instance's own claims.
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

    public DynamoDbDeliveryRecords(Supplier<DynamoDbClient> dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Claim claim(String destination, String event, Instant leaseUntil) {
        Instant now = clock.instant();
        try {
            dynamo.get().putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s(key(destination, event)), "state", s(IN_PROGRESS), "owner", s(owner),
                            "leaseUntil", n(leaseUntil.getEpochSecond()),
                            "expiresAt", n(now.plus(KEEP).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk) OR (#state = :inProgress AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS),
                            ":now", n(now.getEpochSecond()))));
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException e) {
            GetItemResponse existing = dynamo.get().getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("pk", s(key(destination, event)))));
            AttributeValue state = existing.hasItem() ? existing.item().get("state") : null;
            return state != null && DELIVERED.equals(state.s()) ? Claim.DELIVERED : Claim.BUSY;
        }
    }

    @Override
    public void delivered(String destination, String event) {
        try {
            dynamo.get().putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s(key(destination, event)), "state", s(DELIVERED), "owner", s(owner),
                            "deliveredAt", n(clock.instant().getEpochSecond()),
                            "expiresAt", n(clock.instant().plus(KEEP).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk) OR #owner = :me")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":me", s(owner))));
        } catch (ConditionalCheckFailedException e) {
            // Our lease lapsed and another invocation claimed it: its outcome stands.
        }
    }

    @Override
    public void release(String destination, String event) {
        try {
            dynamo.get().deleteItem(b -> b.tableName(table).key(Map.of("pk", s(key(destination, event))))
                    .conditionExpression("#owner = :me AND #state = :inProgress")
                    .expressionAttributeNames(Map.of("#owner", "owner", "#state", "state"))
                    .expressionAttributeValues(Map.of(":me", s(owner), ":inProgress", s(IN_PROGRESS))));
        } catch (ConditionalCheckFailedException e) {
            // Not ours any more (lease lapsed and taken over) or already gone: nothing to release.
        }
    }

    @Override
    public Map<String, Claim> claimAll(String destination, List<String> events, Instant leaseUntil) {
        Map<String, Claim> claims = new java.util.concurrent.ConcurrentHashMap<>();
        Parallel.run(events, event -> claims.put(event, claim(destination, event, leaseUntil)));
        Map<String, Claim> ordered = new java.util.LinkedHashMap<>();
        events.stream().filter(claims::containsKey).forEach(event -> ordered.put(event, claims.get(event)));
        return ordered;
    }

    @Override
    public int deliveredAll(String destination, List<String> events) {
        return Parallel.run(events, event -> delivered(destination, event));
    }

    static String key(String destination, String event) {
        return destination + "#" + event;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
