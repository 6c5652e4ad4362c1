package dev.s3notify.core.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One SQS message of a batch, read: the link event it carries and what is needed to give it back to the queue.
 *
 * @param messageId the SQS message id, reported as a batch item failure when it is not delivered
 * @param receiptHandle the handle ChangeMessageVisibility needs, or null when the record has none
 * @param queueArn the queue it came from ({@code eventSourceARN}), or null
 * @param eventId the id of the EventBridge event that carried the detail, stable across retries
 * @param event the link event
 * @param body the SQS message's body as received, sent on unchanged to the dead-letter queue, or null
 * @param attributes the SQS message's attributes as Lambda gives them ({@code messageAttributes}), or null
 * @param sentAt when SQS received the message ({@code SentTimestamp}), or null
 */
record QueuedLink(String messageId, String receiptHandle, String queueArn, String eventId, LinkEvent event,
        String body, JsonNode attributes, Instant sentAt) {

    /** A message known only by its ids and event (tests, the command line). */
    QueuedLink(String messageId, String receiptHandle, String queueArn, String eventId, LinkEvent event) {
        this(messageId, receiptHandle, queueArn, eventId, event, null, null, null);
    }

    /** Rejects missing ids and event. */
    QueuedLink {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(event, "event");
    }

    /**
     * @return when the upload reached the queue ({@code SentTimestamp}), else when its link was made, else null:
     *     what the digest window compares with when the window before it closed
     */
    Instant arrivedAt() {
        return sentAt != null ? sentAt : event.timestamp();
    }

    /**
     * @return what identifies the upload across retries and republishing: the S3 event's id (else the carrier's)
     *     with the object it names, hashed to a bounded length: one S3 event may report several objects
     */
    String deliveryKey() {
        String source = event.sourceEventId() != null && !event.sourceEventId().isBlank() ? event.sourceEventId()
                : eventId;
        return Sha256.hex((source + "\n" + event.eventType().wireName() + "\n" + event.bucket() + "\n"
                + (event.key() != null ? event.key() : event.fileName()) + "\n"
                + (event.versionId() == null ? "" : event.versionId())).getBytes(StandardCharsets.UTF_8)).substring(0, 40);
    }
}
