package dev.s3notify.core.decoding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.error.InvalidEventException;
import java.util.ArrayList;
import java.util.List;

/** Decodes an S3 event notification ({@code Records[]}); see {@link S3EventDecoder} for the rules. */
final class S3Notifications {
    private static final String HANDLED = "ObjectCreated:*, ObjectRemoved:*, ObjectRestore:Post,"
            + " ObjectRestore:Completed or ObjectRestore:Delete";

    private S3Notifications() {
    }

    static List<ObjectEvent> decode(JsonNode event) {
        JsonNode records = event.get("Records");
        if (!records.isArray()) {
            throw S3EventDecoder.unexpected("Records that is " + EventJson.describe(records) + ", not an array");
        }
        if (records.isEmpty()) {
            throw S3EventDecoder.unexpected("Records[] with no records");
        }
        List<ObjectEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            events.add(record(records.get(i), i));
        }
        return events;
    }

    private static ObjectEvent record(JsonNode record, int index) {
        if (!record.isObject()) {
            throw S3EventDecoder.unexpected("Records[] whose record " + index + " is " + EventJson.describe(record));
        }
        checkSource(record, index);
        String eventName = EventJson.requireText(record, "S3 notification record " + index, "eventName");
        EventType type = type(eventName, "S3 notification record " + index);
        String context = "S3 notification record " + index + " (" + EventJson.cut(eventName, 80) + ")";
        String bucket = EventJson.requireBucket(record, context, "s3.bucket.name");
        String rawKey = EventJson.requireText(record, context, "s3.object.key");
        String key;
        try {
            key = FormUrl.formDecode(rawKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(context + ": expected s3.object.key to be form-URL-encoded, as S3 sends"
                    + " it, but " + EventJson.quote(rawKey, EventJson.QUOTE_LIMIT) + " is not: " + e.getMessage(), e);
        }
        EventJson.checkedKey(key, context, "s3.object.key");
        return ObjectEvent.builder()
                .bucket(bucket)
                .key(key)
                .size(EventJson.optionalSize(record, context, "s3.object.size"))
                .eTag(EventJson.unquoted(EventJson.optionalText(record, context, "s3.object.eTag")))
                .versionId(EventJson.optionalText(record, context, "s3.object.versionId"))
                .type(type)
                .eventTime(EventJson.optionalInstant(record, context, "eventTime"))
                .region(EventJson.optionalRegion(record, context, "awsRegion"))
                .sourceEventId(sourceEventId(record, context))
                .build();
    }

    private static void checkSource(JsonNode record, int index) {
        String source = EventJson.text(record, "eventSource");
        if ("aws:s3".equals(source)) {
            return;
        }
        String shown = source != null ? source : EventJson.text(record, "EventSource");
        boolean envelope = "aws:sqs".equals(shown) || "aws:sns".equals(shown);
        throw S3EventDecoder.unexpected("Records[] whose record " + index + " has eventSource "
                + (shown == null ? "(missing)" : EventJson.quote(shown, EventJson.QUOTE_LIMIT))
                + (envelope ? " (an envelope: take its messages out with Envelopes.unwrap first)" : ""));
    }

    private static EventType type(String eventName, String context) {
        if (eventName.startsWith("ObjectCreated:")) {
            return EventType.CREATED;
        }
        if (eventName.startsWith("ObjectRemoved:")) {
            return EventType.DELETED;
        }
        switch (eventName) {
            case "ObjectRestore:Completed":
                return EventType.RESTORED;
            case "ObjectRestore:Post":
                return EventType.RESTORE_STARTED;
            case "ObjectRestore:Delete":
                return EventType.RESTORE_EXPIRED;
            default:
                throw new InvalidEventException(context + ": eventName " + EventJson.quote(eventName,
                        EventJson.QUOTE_LIMIT) + " is not handled; expected " + HANDLED
                        + ". Remove other event types from the bucket's notification configuration.");
        }
    }

    private static String sourceEventId(JsonNode record, String context) {
        String requestId = EventJson.optionalText(record, context, "responseElements.x-amz-request-id");
        String sequencer = EventJson.optionalText(record, context, "s3.object.sequencer");
        if (sequencer == null) {
            return null;
        }
        return requestId == null ? sequencer : requestId + ":" + sequencer;
    }
}
