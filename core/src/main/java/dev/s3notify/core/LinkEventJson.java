package dev.s3notify.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The JSON form of a {@link LinkEvent}, documented in {@code docs/link-event.md}. Absent values are omitted rather
 * than written as null, as the old system did.
 */
public final class LinkEventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LinkEventJson() {
    }

    /**
     * @param event the event
     * @return its detail as a JSON object
     */
    public static ObjectNode toJson(LinkEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("fileName", event.fileName());
        put(node, "fileUrl", event.fileUrl());
        node.put("bucket", event.bucket());
        put(node, "expirationTime", event.expirationTime());
        put(node, "timestamp", event.timestamp());
        put(node, "schemaVersion", event.schemaVersion());
        put(node, "key", event.key());
        if (event.size() != null) {
            node.put("size", event.size());
        }
        put(node, "etag", event.eTag());
        put(node, "versionId", event.versionId());
        node.put("eventType", event.eventType().wireName());
        put(node, "eventTime", event.eventTime());
        put(node, "expiresAt", event.expiresAt());
        put(node, "region", event.region());
        put(node, "sourceEventId", event.sourceEventId());
        put(node, "contentType", event.contentType());
        return node;
    }

    /**
     * Reads a detail written by this code or by the old system (only {@code fileName}, {@code fileUrl},
     * {@code bucket}, {@code expirationTime}, {@code timestamp}).
     *
     * @param detail the detail object
     * @return the event
     * @throws InvalidEventException naming the field that is missing or malformed
     */
    public static LinkEvent fromJson(JsonNode detail) {
        if (detail == null || !detail.isObject()) {
            throw new InvalidEventException("expected a file-link-generated detail object; found "
                    + (detail == null ? "nothing" : detail.getNodeType().toString().toLowerCase()));
        }
        String bucket = required(detail, "bucket");
        String key = text(detail, "key");
        String fileName = text(detail, "fileName");
        if (fileName == null) {
            if (key == null) {
                throw new InvalidEventException("file-link-generated detail has neither fileName nor key");
            }
            fileName = key.substring(key.lastIndexOf('/') + 1);
        }
        String type = text(detail, "eventType");
        EventType eventType;
        try {
            eventType = type == null ? EventType.CREATED : EventType.fromWireName(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("file-link-generated detail: " + e.getMessage(), e);
        }
        Long size = detail.hasNonNull("size") && detail.get("size").canConvertToLong()
                ? detail.get("size").asLong() : null;
        return new LinkEvent(text(detail, "schemaVersion"), fileName, text(detail, "fileUrl"), bucket,
                text(detail, "expirationTime"), instant(detail, "timestamp"), key != null ? key : fileName, size,
                text(detail, "etag"), text(detail, "versionId"), eventType, instant(detail, "eventTime"),
                instant(detail, "expiresAt"), text(detail, "region"), text(detail, "sourceEventId"),
                text(detail, "contentType"));
    }

    private static void put(ObjectNode node, String field, Object value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }

    private static String required(JsonNode detail, String field) {
        String value = text(detail, field);
        if (value == null) {
            throw new InvalidEventException("file-link-generated detail is missing the field '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode detail, String field) {
        JsonNode value = detail.get(field);
        if (value != null && value.isContainerNode()) {
            // asText() would read an object as "": an S3 event's {"bucket":{"name":...}} must not pass for a bucket.
            throw new InvalidEventException("file-link-generated detail field '" + field + "' must be a string, not"
                    + (value.isObject() ? " an object" : " an array") + "; is this a file-link-generated event?");
        }
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode detail, String field) {
        String text = text(detail, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // Python's datetime.utcnow().isoformat(), as the old system wrote it, has no offset: it is UTC.
                return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new InvalidEventException("file-link-generated detail field '" + field
                        + "' is not an ISO-8601 time: '" + text + "'", again);
            }
        }
    }
}
