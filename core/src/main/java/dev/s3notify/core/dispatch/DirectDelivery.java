package dev.s3notify.core.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.decoding.Envelope;
import dev.s3notify.core.decoding.EventJson;
import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.support.Log;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The direct path: one {@code file-link-generated} event, from EventBridge or one message of a FIFO queue, rendered,
 * formatted and delivered to every destination in turn. A message that is not accepted after every attempt throws,
 * so the caller fails the invocation or reports the message. Thread-safe.
 */
public final class DirectDelivery {
    private static final Log LOG = Log.of(DirectDelivery.class);

    private final List<Destination> destinations;
    private final WebhookSender sender;
    private final BiConsumer<Destination, WebhookRequest> onRequest;

    /**
     * @param destinations where messages go
     * @param sender posts them, or null to format only (previews, priming)
     * @param onRequest sees every request formatted, or null
     */
    public DirectDelivery(List<Destination> destinations, WebhookSender sender,
            BiConsumer<Destination, WebhookRequest> onRequest) {
        this.destinations = List.copyOf(destinations);
        this.sender = sender;
        this.onRequest = onRequest;
    }

    /**
     * @param envelope one message of the invocation
     * @param deadline when the invocation must be over
     * @return how many messages were delivered (or, without a sender, formatted): one per destination
     * @throws dev.s3notify.core.error.S3NotifyException when the envelope is not a link event or a destination did
     *     not accept its message
     */
    public int deliver(Envelope envelope, Instant deadline) {
        deliverAnswered(envelope, deadline);
        return destinations.size();
    }

    /**
     * @param envelope one message of the invocation
     * @param deadline when the invocation must be over
     * @return what each destination's webhook answered when it accepted the message, in order; empty without a
     *     sender
     * @throws dev.s3notify.core.error.S3NotifyException as {@link #deliver} does
     */
    public List<WebhookSender.Delivered> deliverAnswered(Envelope envelope, Instant deadline) {
        if (envelope.error() != null) {
            throw envelope.error();
        }
        JsonNode body = envelope.body();
        JsonNode detail = envelope.detail();
        LinkEvent event;
        try {
            event = LinkEventJson.fromJson(detail);
        } catch (InvalidEventException e) {
            throw new InvalidEventException(origin(body, envelope, detail) + ": " + e.getMessage(), e);
        }
        String eventId = envelope.eventId();
        List<WebhookSender.Delivered> answers = new ArrayList<>(destinations.size());
        for (Destination destination : destinations) {
            Notification notification = destination.notification(event, eventId);
            WebhookRequest request = destination.request(notification);
            if (sender != null) {
                WebhookSender.Delivered result = sender.send(destination, request, notification, deadline,
                        destination.rateLimit());
                LOG.info("message delivered", "eventId", eventId, "sourceEventId", event.sourceEventId(),
                        "bucket", event.bucket(), "key", event.key(), "kind", destination.kind(),
                        "host", destination.host(), "status", result.status(), "attempts", result.attempts(),
                        "durationMs", result.elapsed().toMillis());
                answers.add(result);
            }
            if (onRequest != null) {
                onRequest.accept(destination, request);
            }
        }
        return List.copyOf(answers);
    }

    /** Which message failed, for an error that must say so: SQS message id, EventBridge id and detail-type. */
    private static String origin(JsonNode body, Envelope envelope, JsonNode detail) {
        String sqs = envelope.messageId() == null ? null
                : "SQS message " + EventJson.cut(envelope.messageId(), EventJson.ID_LIMIT);
        String eventBridge = body == detail ? null : "EventBridge event " + EventJson.cut(EventJson.text(body, "id"),
                EventJson.ID_LIMIT) + " (detail-type '" + EventJson.cut(EventJson.text(body, "detail-type"),
                EventJson.ID_LIMIT) + "')";
        if (sqs != null && eventBridge != null) {
            return sqs + ", " + eventBridge;
        }
        return sqs != null ? sqs : eventBridge != null ? eventBridge : "event";
    }
}
