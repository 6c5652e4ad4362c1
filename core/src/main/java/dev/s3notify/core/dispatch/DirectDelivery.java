package dev.s3notify.core.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.decoding.Envelope;
import dev.s3notify.core.decoding.EventJson;
import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.support.Log;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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
     * @return how many messages were delivered (or, without a sender, formatted): one per destination that takes the
     *     event
     * @throws dev.s3notify.core.error.S3NotifyException when the envelope is not a link event or a destination did
     *     not accept its message (after every other destination was tried)
     */
    public int deliver(Envelope envelope, Instant deadline) {
        return deliverAll(envelope, deadline).size();
    }

    /**
     * @param envelope one message of the invocation
     * @param deadline when the invocation must be over
     * @return what each destination's webhook answered when it accepted the message, in order; empty without a
     *     sender
     * @throws dev.s3notify.core.error.S3NotifyException as {@link #deliver} does
     */
    public List<WebhookSender.Delivered> deliverAnswered(Envelope envelope, Instant deadline) {
        return deliverAll(envelope, deadline).stream().filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Delivers one event to one destination whatever its filters say, falling back as {@link #deliver} does, for a
     * caller that checks each route's webhook ({@code s3notify send-test}).
     *
     * @param destination one of these destinations
     * @param envelope one message holding a link event
     * @param deadline when the delivery must be over
     * @return what the webhook (or, when it refused for good, its fallback's) answered; null without a sender
     * @throws dev.s3notify.core.error.S3NotifyException when the envelope is not a link event or the message was not
     *     accepted
     */
    public WebhookSender.Delivered deliverTo(Destination destination, Envelope envelope, Instant deadline) {
        return deliverTo(destination, linkEvent(envelope), envelope.eventId(), deadline);
    }

    private static LinkEvent linkEvent(Envelope envelope) {
        if (envelope.error() != null) {
            throw envelope.error();
        }
        JsonNode detail = envelope.detail();
        try {
            return LinkEventJson.fromJson(detail);
        } catch (InvalidEventException e) {
            throw new InvalidEventException(origin(envelope.body(), envelope, detail) + ": " + e.getMessage(), e);
        }
    }

    /** One entry per destination that took the event: its answer, or null without a sender. */
    private List<WebhookSender.Delivered> deliverAll(Envelope envelope, Instant deadline) {
        LinkEvent event = linkEvent(envelope);
        String eventId = envelope.eventId();
        List<Destination> taking = destinations.stream().filter(destination -> destination.accepts(event)).toList();
        if (taking.isEmpty()) {
            // Not an error: the routes' filters said no to it, as they were written to.
            LOG.info("event matched no route; nothing posted", "eventId", eventId, "bucket", event.bucket(), "key",
                    event.key(), "routes", destinations.size());
            return List.of();
        }
        List<WebhookSender.Delivered> answers = new ArrayList<>(taking.size());
        RuntimeException first = null;
        for (Destination destination : taking) {
            try {
                answers.add(deliverTo(destination, event, eventId, deadline));
            } catch (RuntimeException e) {
                if (taking.size() == 1) {
                    throw e;
                }
                // Every other route is still tried; the invocation fails once all were.
                LOG.error("message not delivered to this route; the invocation fails after the other routes",
                        "eventId", eventId, "route", destination.name(), "kind", destination.kind(), "host",
                        destination.host(), "reason", e instanceof DeliveryException d ? d.reason().name() : null,
                        "error", e.getMessage());
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return answers;
    }

    /**
     * Delivers to one destination, and when its webhook refuses for good (gone, unauthorized, ...), to its fallback
     * route, with a line saying where the message was meant to go and why it came here.
     */
    private WebhookSender.Delivered deliverTo(Destination destination, LinkEvent event, String eventId,
            Instant deadline) {
        Destination current = destination;
        Set<String> tried = new HashSet<>();
        while (true) {
            tried.add(current.name());
            try {
                return send(current, event, eventId, deadline);
            } catch (DeliveryException e) {
                Optional<Destination> fallback = e.retryable() ? Optional.empty()
                        : current.fallback().filter(name -> !tried.contains(name)).flatMap(name -> Destination.find(destinations, name));
                if (fallback.isEmpty()) {
                    throw e;
                }
                LOG.error("message refused; no retry can deliver it: it goes to the route's fallback", "eventId",
                        eventId, "route", current.name(), "kind", current.kind(), "host", current.host(), "reason",
                        e.reason().name(), "status", e.status(), "fallback", fallback.get().name(), "error",
                        e.getMessage());
                current = fallback.get().fallbackFor(current, e);
            }
        }
    }

    private WebhookSender.Delivered send(Destination destination, LinkEvent event, String eventId, Instant deadline) {
        Notification notification = destination.notification(event, eventId);
        WebhookRequest request = destination.request(notification);
        WebhookSender.Delivered result = null;
        if (sender != null) {
            result = sender.send(destination, request, notification, deadline, destination.rateLimit());
            LOG.info("message delivered", "eventId", eventId, "sourceEventId", event.sourceEventId(),
                    "bucket", event.bucket(), "key", event.key(), "route", destination.named() ? destination.name()
                            : null, "kind", destination.kind(), "host", destination.host(), "status", result.status(),
                    "attempts", result.attempts(), "durationMs", result.elapsed().toMillis());
        }
        if (onRequest != null) {
            onRequest.accept(destination, request);
        }
        return result;
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
