package dev.s3notify.core.links;

import dev.s3notify.core.EventEntry;
import dev.s3notify.core.error.DeliveryException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** PutEvents' two limits: 10 entries a call, and 256 KiB of entries a call by AWS's own way of counting. */
final class PutEventsLimits {
    static final int MAX_ENTRIES = 10;
    static final int MAX_BYTES = 256 * 1024;

    private PutEventsLimits() {
    }

    /**
     * The size EventBridge counts ("Calculating PutEvents event entry size"): Source, DetailType, Detail and each
     * Resource as UTF-8 bytes, plus 14 for a Time, which these entries never carry. EventBusName is not counted.
     *
     * @param entry an entry
     * @return its size in bytes
     */
    static int size(EventEntry entry) {
        int size = utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail());
        for (String resource : entry.resources()) {
            size += utf8(resource);
        }
        return size;
    }

    /**
     * @param entries the entries to send
     * @throws DeliveryException naming the first entry that no call could carry
     */
    static void requireFit(List<EventEntry> entries) {
        for (EventEntry entry : entries) {
            int size = size(entry);
            if (size > MAX_BYTES) {
                throw new DeliveryException("Event entry " + entry.label() + " is " + size + " bytes (Source,"
                        + " DetailType, Detail and Resources as UTF-8), more than the " + MAX_BYTES + " bytes"
                        + " EventBridge PutEvents accepts; nothing was published. Shorten the detail.");
            }
        }
    }

    /**
     * @param entries entries that each fit ({@link #requireFit(List)})
     * @return the entries in order, cut into calls of at most 10 entries and 256 KiB
     */
    static List<List<EventEntry>> batches(List<EventEntry> entries) {
        List<List<EventEntry>> batches = new ArrayList<>();
        List<EventEntry> batch = new ArrayList<>();
        int bytes = 0;
        for (EventEntry entry : entries) {
            int size = size(entry);
            if (batch.size() == MAX_ENTRIES || (!batch.isEmpty() && bytes + size > MAX_BYTES)) {
                batches.add(List.copyOf(batch));
                batch.clear();
                bytes = 0;
            }
            batch.add(entry);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(List.copyOf(batch));
        }
        return batches;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
