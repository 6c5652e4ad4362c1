package dev.s3notify.core.decoding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.support.Json;

/**
 * The JSON form of a {@link LinkEvent}, documented in {@code docs/link-event.md}. Absent values are omitted rather
 * than written as null, as the old system did. Reading is {@link LinkEventReader}'s: strict about what could
 * mislead (a link that is not https, a field of the wrong type), lenient about what a newer producer may add.
 */
public final class LinkEventJson {

    private LinkEventJson() {
    }

    /**
     * @param event the event
     * @return its detail as a JSON object
     */
    public static ObjectNode toJson(LinkEvent event) {
        ObjectNode node = Json.MAPPER.createObjectNode();
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
     * Reads a detail written by this code, by a newer version of it, or by the old system (only {@code fileName},
     * {@code fileUrl}, {@code bucket}, {@code expirationTime}, {@code timestamp}). What a newer producer may add (an
     * unknown {@code eventType}, unknown fields, a higher {@code schemaVersion}) is read with one warning; see
     * {@code docs/link-event.md}.
     *
     * @param detail the detail object
     * @return the event
     * @throws InvalidEventException naming the field that is missing or malformed, quoting at most 200 characters
     */
    public static LinkEvent fromJson(JsonNode detail) {
        return LinkEventReader.read(detail);
    }

    private static void put(ObjectNode node, String field, Object value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }
}
