package dev.s3notify.core.decoding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.support.Log;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a {@code file-link-generated} detail. Every field must have its documented type; a link must be one
 * ({@link LinkUrls}). What a newer producer may send is accepted with one warning per event: an {@code eventType}
 * this version does not know (read as {@link EventType#OTHER}), fields it does not know (ignored), a higher
 * {@code schemaVersion} (the fields known are read).
 */
final class LinkEventReader {
    private static final Log LOG = Log.of(LinkEventReader.class);
    private static final String CONTEXT = "file-link-generated detail";
    static final Set<String> FIELDS = Set.of("fileName", "fileUrl", "bucket", "expirationTime", "timestamp",
            "schemaVersion", "key", "size", "etag", "versionId", "eventType", "eventTime", "expiresAt", "region",
            "sourceEventId", "contentType");
    /** What a producer's new event type can look like: created, object-tagged, acl-changed. */
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}");

    private LinkEventReader() {
    }

    static LinkEvent read(JsonNode detail) {
        if (detail == null || !detail.isObject()) {
            throw new InvalidEventException("expected a file-link-generated detail object; found "
                    + EventJson.describe(detail));
        }
        List<String> newer = new ArrayList<>();
        String schemaVersion = schemaVersion(detail, newer);
        String bucket = text(detail, "bucket");
        if (bucket == null) {
            throw new InvalidEventException(CONTEXT + " is missing the field 'bucket'");
        }
        String key = text(detail, "key");
        String fileName = text(detail, "fileName");
        if (fileName == null) {
            if (key == null) {
                throw new InvalidEventException(CONTEXT + " has neither fileName nor key");
            }
            fileName = key.substring(key.lastIndexOf('/') + 1);
        }
        EventType eventType = eventType(detail, newer);
        String fileUrl = LinkUrls.checked(text(detail, "fileUrl"), CONTEXT + " field 'fileUrl'");
        LinkEvent event = LinkEvent.builder().schemaVersion(schemaVersion).fileName(fileName).fileUrl(fileUrl)
                .bucket(bucket).expirationTime(text(detail, "expirationTime")).timestamp(instant(detail, "timestamp"))
                .key(key != null ? key : fileName).size(size(detail)).eTag(text(detail, "etag"))
                .versionId(text(detail, "versionId")).eventType(eventType).eventTime(instant(detail, "eventTime"))
                .expiresAt(instant(detail, "expiresAt")).region(text(detail, "region"))
                .sourceEventId(text(detail, "sourceEventId")).contentType(text(detail, "contentType")).build();
        unknownFields(detail, newer);
        if (!newer.isEmpty()) {
            LOG.warn("link event from a newer producer: read with the fields this version knows",
                    "sourceEventId", event.sourceEventId(), "bucket", bucket, "key", event.key(),
                    "newer", String.join("; ", newer));
        }
        return event;
    }

    private static String schemaVersion(JsonNode detail, List<String> newer) {
        JsonNode node = detail.get("schemaVersion");
        String version = node != null && node.isIntegralNumber() ? node.asText() : text(detail, "schemaVersion");
        if (version == null) {
            return null;
        }
        if (!VERSION.matcher(version).matches()) {
            throw new InvalidEventException(CONTEXT + ": expected schemaVersion to be a whole number such as \""
                    + LinkEvent.SCHEMA_VERSION + "\" but it is " + EventJson.quote(version, EventJson.QUOTE_LIMIT));
        }
        if (Integer.parseInt(version) > Integer.parseInt(LinkEvent.SCHEMA_VERSION)) {
            newer.add("schemaVersion " + version + " (this version writes " + LinkEvent.SCHEMA_VERSION + ")");
        }
        return version;
    }

    private static EventType eventType(JsonNode detail, List<String> newer) {
        String type = text(detail, "eventType");
        if (type == null) {
            return EventType.CREATED;
        }
        try {
            return EventType.fromWireName(type);
        } catch (IllegalArgumentException e) {
            if (!TYPE_NAME.matcher(type).matches()) {
                throw new InvalidEventException(CONTEXT + ": expected eventType to be a lowercase name such as"
                        + " created or deleted but it is " + EventJson.quote(type, EventJson.QUOTE_LIMIT));
            }
            newer.add("eventType " + type + " read as other");
            return EventType.OTHER;
        }
    }

    private static void unknownFields(JsonNode detail, List<String> newer) {
        List<String> unknown = new ArrayList<>();
        detail.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            newer.add("fields ignored: " + EventJson.cut(String.join(", ", unknown), EventJson.QUOTE_LIMIT));
        }
    }

    private static String text(JsonNode detail, String field) {
        JsonNode value = detail.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            // asText() would read {"name": ...} as "": an S3 event's bucket object must not pass for a bucket.
            throw new InvalidEventException(CONTEXT + " field '" + field + "' must be a string but is "
                    + EventJson.describe(value) + "; is this a file-link-generated event?");
        }
        return value.asText();
    }

    private static Long size(JsonNode detail) {
        JsonNode value = detail.get("size");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0) {
            return value.asLong();
        }
        throw new InvalidEventException(CONTEXT + " field 'size' must be a size in bytes (a whole number from 0)"
                + " but is " + EventJson.describe(value));
    }

    private static Instant instant(JsonNode detail, String field) {
        String text = text(detail, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // Python's datetime.utcnow().isoformat(), as the old system wrote it, has no offset: it is UTC.
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new InvalidEventException(CONTEXT + " field '" + field + "' is not an ISO-8601 time such as"
                        + " 2026-11-21T17:16:21Z: " + EventJson.quote(text, EventJson.QUOTE_LIMIT));
            }
        }
    }
}
