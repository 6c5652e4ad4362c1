package dev.s3notify.core.queue;

import dev.s3notify.core.aws.DeliveryTable;
import java.time.Instant;
import java.util.UUID;

/**
 * Digest windows in the delivery-records table ({@code IDEMPOTENCY_TABLE}): one record per destination,
 * {@code <destination hash>#window}, opened by a conditional UpdateItem ({@link DeliveryTable#openWindow}) so that
 * of two invocations opening at once exactly one does, and the other waits for its window. The record is kept as
 * long as the delivery records ({@link DynamoDbDeliveryRecords#KEEP}, TTL), so that a message coming back days
 * later still finds when the window before the open one closed.
 */
public final class DynamoDbDigestWindows implements DigestWindows {
    private final DeliveryTable table;
    private final String owner = UUID.randomUUID().toString();

    /** @param table the table's conditional writes */
    public DynamoDbDigestWindows(DeliveryTable table) {
        this.table = table;
    }

    @Override
    public Window open(String destination, Instant now, Instant closesAt, Instant deadline) {
        DeliveryTable.Window window = table.openWindow(key(destination), owner, now, closesAt,
                closesAt.plus(DynamoDbDeliveryRecords.KEEP), deadline);
        return new Window(window.opened(), window.closesAt(), window.previousClose());
    }

    static String key(String destination) {
        return destination + "#window";
    }
}
