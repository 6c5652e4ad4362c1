package dev.s3notify.core.decoding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.error.InvalidEventException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Decodes an EventBridge event from S3; see {@link S3EventDecoder} for the rules. */
final class EventBridgeS3Events {
    private static final Map<String, EventType> TYPES = Map.of(
            "Object Created", EventType.CREATED,
            "Object Deleted", EventType.DELETED,
            "Object Restore Completed", EventType.RESTORED,
            "Object Restore Initiated", EventType.RESTORE_STARTED,
            "Object Restore Expired", EventType.RESTORE_EXPIRED);
    /** What EventBridge calls an S3 API call recorded by CloudTrail: a rule on it sees no S3 event notification. */
    static final String CLOUDTRAIL = "AWS API Call via CloudTrail";
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final String HANDLED = "Object Created, Object Deleted, Object Restore Completed,"
            + " Object Restore Initiated or Object Restore Expired";

    private EventBridgeS3Events() {
    }

    static List<ObjectEvent> decode(JsonNode event) {
        String source = EventJson.text(event, "source");
        String detailType = EventJson.text(event, "detail-type");
        if (!"aws.s3".equals(source)) {
            throw S3EventDecoder.unexpected("an EventBridge event with source " + shown(event, "source")
                    + " and detail-type " + shown(event, "detail-type"));
        }
        String id = EventJson.optionalText(event, "EventBridge S3 event", "id");
        String context = "EventBridge S3 event " + (id == null ? "without id" : EventJson.cut(id, EventJson.ID_LIMIT));
        if (CLOUDTRAIL.equals(detailType)) {
            throw new InvalidEventException(context + ": " + cloudTrailHint(event));
        }
        EventType type = detailType == null ? null : TYPES.get(detailType);
        if (type == null) {
            throw new InvalidEventException(context + ": detail-type " + shown(event, "detail-type")
                    + " is not handled; expected " + HANDLED
                    + ". Narrow the EventBridge rule's detail-type to these.");
        }
        String bucket = EventJson.requireBucket(event, context, "detail.bucket.name");
        String rawKey = EventJson.requireText(event, context, "detail.object.key");
        String key = EventJson.checkedKey(decodedOrRaw(rawKey), context, "detail.object.key");
        String sequencer = EventJson.optionalText(event, context, "detail.object.sequencer");
        return List.of(ObjectEvent.builder()
                .bucket(bucket)
                .key(key)
                .size(EventJson.optionalSize(event, context, "detail.object.size"))
                .eTag(EventJson.unquoted(EventJson.optionalText(event, context, "detail.object.etag")))
                .versionId(EventJson.optionalText(event, context, "detail.object.version-id"))
                .type(type)
                .eventTime(EventJson.optionalInstant(event, context, "time"))
                .region(EventJson.optionalRegion(event, context, "region"))
                .sourceEventId(id != null ? id : sequencer)
                .undecodedKey(key.equals(rawKey) ? null : rawKey)
                .build());
    }

    /**
     * A rule on CloudTrail's record of S3 calls is the usual way to S3 events before EventBridge notifications: the
     * fix is on the bucket, not in the rule's detail-type.
     */
    private static String cloudTrailHint(JsonNode event) {
        JsonNode name = event.path("detail").path("requestParameters").path("bucketName");
        // Only a name S3 could have goes into a command to copy: anything else could be a shell's word.
        String bucket = name.isTextual() && BUCKET_NAME.matcher(name.asText()).matches() ? name.asText() : "BUCKET";
        return "this is CloudTrail's record of an S3 API call (detail-type \"" + CLOUDTRAIL + "\"), not an S3 event;"
                + " the link generator takes the events S3 itself sends to EventBridge. Turn on Amazon EventBridge"
                + " notifications on the bucket (the console: bucket, Properties, Amazon EventBridge; or aws s3api"
                + " put-bucket-notification-configuration --bucket " + bucket + " --notification-configuration"
                + " '{\"EventBridgeConfiguration\": {}}', adding the bucket's other notifications to that JSON, since"
                + " it replaces them) and match detail-type Object Created in the rule";
    }

    /**
     * Undecodable means the key was certainly not encoded, and so does a literal space (form encoding writes a space
     * as {@code +}): either way it is taken as it is and is not ambiguous.
     */
    private static String decodedOrRaw(String rawKey) {
        if (rawKey.indexOf(' ') >= 0) {
            return rawKey;
        }
        try {
            return FormUrl.formDecode(rawKey);
        } catch (IllegalArgumentException e) {
            return rawKey;
        }
    }

    private static String shown(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null ? "(missing)" : value.isTextual()
                ? EventJson.quote(value.asText(), EventJson.QUOTE_LIMIT) : EventJson.describe(value);
    }
}
