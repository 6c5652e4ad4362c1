package dev.s3notify.core.decoding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.support.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the body of one {@link Envelope} into the object events it reports. Three shapes are accepted:
 * <ul>
 *   <li>an EventBridge event from S3 ({@code source aws.s3}) with the detail-type {@code Object Created},
 *       {@code Object Deleted}, {@code Object Restore Completed}, {@code Object Restore Initiated} or
 *       {@code Object Restore Expired}. EventBridge does not document whether keys are URL-encoded, so a key that
 *       form-URL-decodes to something else is decoded and the key as received is kept in
 *       {@link ObjectEvent#undecodedKey()} for a resolver to settle; a key that does not decode is taken as it
 *       is. {@code sourceEventId} is the event's {@code id}, else the object's {@code sequencer}.</li>
 *   <li>an S3 event notification ({@code Records[]} with {@code eventSource aws:s3}) with an
 *       {@code ObjectCreated:*}, {@code ObjectRemoved:*} or {@code ObjectRestore:*} eventName. Its keys are always
 *       form-URL-encoded and are decoded. {@code sourceEventId} is
 *       {@code responseElements.x-amz-request-id + ":" + s3.object.sequencer} when both are present, else the
 *       sequencer, else null: the sequencer orders events of one key only, and one request (DeleteObjects) can
 *       report many keys, so neither is unique alone.</li>
 *   <li>{@code s3:TestEvent}, which S3 sends when a notification configuration is saved: acknowledged with an
 *       empty list and one INFO line.</li>
 * </ul>
 * Folder placeholders (a key ending in {@code /}) are skipped with an INFO line. Anything else, including an
 * event type not listed above, throws {@link InvalidEventException}: the whole event fails, so AWS retries it or
 * parks it in a dead-letter queue instead of it being dropped. Stateless and thread-safe.
 */
public final class S3EventDecoder {
    static final String ACCEPTED = "expected an S3 event: an EventBridge event with source aws.s3,"
            + " S3 notification Records[], or s3:TestEvent";
    private static final Log LOG = Log.of(S3EventDecoder.class);

    /** Creates a decoder; it holds no state, so one instance can serve every invocation. */
    public S3EventDecoder() {
    }

    /**
     * @param body the JSON of one message, with its SQS and SNS envelopes removed ({@link Envelope#body()})
     * @return the events it reports, in order; empty for a test event or when every key is a folder
     * @throws InvalidEventException saying which shape was expected and what was found
     */
    public List<ObjectEvent> decode(JsonNode body) {
        Objects.requireNonNull(body, "body");
        if (!body.isObject()) {
            throw unexpected(EventJson.describe(body));
        }
        if (body.has("source") || body.has("detail-type")) {
            return withoutFolders(EventBridgeS3Events.decode(body));
        }
        if (body.has("Records")) {
            return withoutFolders(S3Notifications.decode(body));
        }
        if ("s3:TestEvent".equals(EventJson.text(body, "Event"))) {
            LOG.info("s3 test event acknowledged", "bucket", EventJson.text(body, "Bucket"),
                    "requestId", EventJson.text(body, "RequestId"), "time", EventJson.text(body, "Time"));
            return List.of();
        }
        throw unexpected(EventJson.describe(body));
    }

    /** @param found what the input is, such as {@code an object with keys [foo]} */
    static InvalidEventException unexpected(String found) {
        return new InvalidEventException(ACCEPTED + "; found " + found);
    }

    /** A key ending in '/' is a folder only when it is one whichever way an ambiguous key is read. */
    static boolean isFolder(ObjectEvent event) {
        return event.key().endsWith("/") && (event.undecodedKey() == null || event.undecodedKey().endsWith("/"));
    }

    private static List<ObjectEvent> withoutFolders(List<ObjectEvent> events) {
        List<ObjectEvent> kept = new ArrayList<>(events.size());
        for (ObjectEvent event : events) {
            if (isFolder(event)) {
                LOG.info("folder placeholder skipped", "eventId", event.sourceEventId(), "bucket", event.bucket(),
                        "key", event.key(), "type", event.type().wireName(), "size", event.size());
            } else {
                kept.add(event);
            }
        }
        return List.copyOf(kept);
    }
}
