package dev.s3notify.core;

import java.util.List;
import java.util.Objects;

/**
 * One event to publish, as EventBridge's PutEvents takes it.
 *
 * @param source the {@code Source} ({@code EVENT_SOURCE})
 * @param detailType the {@code DetailType} ({@code EVENT_DETAIL_TYPE})
 * @param eventBusName the {@code EventBusName} ({@code EVENT_BUS_NAME})
 * @param detail the {@code Detail}, a JSON object as text
 * @param resources the {@code Resources}, ARNs such as the object's; may be empty
 * @param label what the entry is about, for messages (event id and key; never a link)
 */
public record EventEntry(String source, String detailType, String eventBusName, String detail,
        List<String> resources, String label) {

    /** Rejects missing values and copies the resources. */
    public EventEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(eventBusName, "eventBusName");
        Objects.requireNonNull(detail, "detail");
        resources = List.copyOf(resources);
        Objects.requireNonNull(label, "label");
    }

    /** @return the entry without the detail, which holds a presigned link */
    @Override
    public String toString() {
        return "EventEntry[" + label + "]";
    }
}
