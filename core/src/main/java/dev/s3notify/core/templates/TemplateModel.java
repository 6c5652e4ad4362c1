package dev.s3notify.core.templates;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.text.Sizes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a message template can use, built from one {@link Notification}'s event. Documented in
 * {@code docs/templates.md}; a template naming anything else is refused at start-up.
 */
public final class TemplateModel {
    /** Every name a template may use. */
    public static final List<String> NAMES = List.of("fileName", "key", "fileUrl", "bucket", "size", "sizeText",
            "expirationTime", "expiresAt", "expiresAtEpoch", "eventType", "eventTime", "timestamp", "etag",
            "versionId", "region", "sourceEventId", "contentType", "eventId", "hasLink", "created", "deleted",
            "restored", "restoreStarted", "restoreExpired", "other");

    private final Map<String, Object> values;

    private TemplateModel(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * @param event the link event
     * @param eventId the id of the event that carried it
     * @return the values
     */
    public static TemplateModel of(LinkEvent event, String eventId) {
        Map<String, Object> values = new HashMap<>();
        put(values, "fileName", event.fileName());
        put(values, "key", event.key());
        put(values, "fileUrl", event.fileUrl());
        put(values, "bucket", event.bucket());
        put(values, "size", event.size());
        put(values, "sizeText", event.size() == null ? null : sizeText(event.size()));
        put(values, "expirationTime", event.expirationTime());
        put(values, "expiresAt", event.expiresAt());
        put(values, "expiresAtEpoch", event.expiresAt() == null ? null : event.expiresAt().getEpochSecond());
        put(values, "eventType", event.eventType().wireName());
        put(values, "eventTime", event.eventTime());
        put(values, "timestamp", event.timestamp());
        put(values, "etag", event.eTag());
        put(values, "versionId", event.versionId());
        put(values, "region", event.region());
        put(values, "sourceEventId", event.sourceEventId());
        put(values, "contentType", event.contentType());
        put(values, "eventId", eventId);
        values.put("hasLink", event.fileUrl() != null);
        values.put("created", event.eventType() == EventType.CREATED);
        values.put("deleted", event.eventType() == EventType.DELETED);
        values.put("restored", event.eventType() == EventType.RESTORED);
        values.put("restoreStarted", event.eventType() == EventType.RESTORE_STARTED);
        values.put("restoreExpired", event.eventType() == EventType.RESTORE_EXPIRED);
        values.put("other", event.eventType() == EventType.OTHER);
        return new TemplateModel(values);
    }

    /**
     * @param bytes a size
     * @return the size for people: {@code 999 bytes}, {@code 1.5 KB}, {@code 12.0 MB} (1024-based)
     */
    public static String sizeText(long bytes) {
        return Sizes.text(bytes);
    }

    Map<String, Object> asMap() {
        return values;
    }

    /**
     * @param name one of {@link #NAMES}
     * @return its value as text, or null when the event has none
     */
    public String text(String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }

    private static void put(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value.toString());
        }
    }
}
