package dev.s3notify.core;

import java.util.Objects;

/**
 * One message to send: the link event, the message text the template rendered (already escaped for the target
 * platform), and the id of the event that carried it.
 *
 * @param event the {@code file-link-generated} detail
 * @param message the rendered {@code MESSAGE_TEMPLATE} (or the formatter's default template); may be empty
 * @param eventId the id of the EventBridge event (or SQS message) that carried the detail, stable across
 *     retries, for idempotency headers and duplicate suppression; never null
 */
public record Notification(LinkEvent event, String message, String eventId) {

    /** Rejects missing values. */
    public Notification {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(eventId, "eventId");
    }

    /** @return whether there is a link to offer (not for deleted objects) */
    public boolean hasLink() {
        return event.fileUrl() != null;
    }
}
