package dev.s3notify.core.decoding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.support.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * One unit of work taken out of a Lambda event by {@link Envelopes#unwrap(JsonNode)}: the JSON it carries, or why
 * it could not be read, and, for an SQS message, what its record says about it (read once, there). Exactly one of
 * {@code body} and {@code error} is set. Built with {@link #builder()} (or {@link #of(JsonNode)}), so that a
 * component added later breaks no caller.
 *
 * @param messageId the SQS message id, which a handler returns in {@code batchItemFailures} when this message
 *     fails; null outside SQS (an SNS or direct invocation fails as a whole)
 * @param receiptHandle the SQS message's receipt handle, which ChangeMessageVisibility needs; null outside SQS or
 *     when the record has none
 * @param queueArn the ARN of the SQS queue the message came from ({@code eventSourceARN}); null outside SQS
 * @param sqsBody the SQS message's body as received, before any unwrapping; null outside SQS
 * @param sqsAttributes the SQS message's attributes as Lambda gives them ({@code messageAttributes}); null when
 *     it has none
 * @param body the JSON object carried, with every SQS and SNS layer removed; null when {@code error} is set
 * @param error why the message could not be read, saying what was expected and what was found; null when
 *     {@code body} is set
 * @param sentAt when SQS received the message (its {@code SentTimestamp} attribute); null outside SQS or when the
 *     record has none
 */
public record Envelope(String messageId, String receiptHandle, String queueArn, String sqsBody,
        JsonNode sqsAttributes, JsonNode body, InvalidEventException error, java.time.Instant sentAt) {

    /** Rejects an envelope with both or neither of a body and an error. */
    public Envelope {
        if ((body == null) == (error == null)) {
            throw new IllegalArgumentException("an Envelope has either a body or an error, not "
                    + (body == null ? "neither" : "both"));
        }
    }

    /**
     * @param body a JSON object that came in no SQS message
     * @return an envelope holding it
     */
    public static Envelope of(JsonNode body) {
        return builder().body(body).build();
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether the message could not be read */
    public boolean failed() {
        return error != null;
    }

    /** @return whether it came in an SQS message, whose failure is reported on its own */
    public boolean fromSqs() {
        return messageId != null;
    }

    /**
     * @return the body
     * @throws InvalidEventException the {@link #error()} when the message could not be read
     */
    public JsonNode requireBody() {
        if (error != null) {
            throw error;
        }
        return body;
    }

    /**
     * @return the {@code detail} of an EventBridge event, else the body itself (a detail sent on its own)
     * @throws InvalidEventException the {@link #error()} when the message could not be read
     */
    public JsonNode detail() {
        JsonNode json = requireBody();
        return json.has("detail") ? json.get("detail") : json;
    }

    /**
     * @return the EventBridge event's id, else the SQS message id, else a hash of the detail: stable across retries,
     *     for delivery records and idempotency headers
     * @throws InvalidEventException the {@link #error()} when the message could not be read
     */
    public String eventId() {
        JsonNode json = requireBody();
        if (json.has("detail") && json.hasNonNull("id") && !json.get("id").asText().isBlank()) {
            return json.get("id").asText();
        }
        if (messageId != null) {
            return messageId;
        }
        return "sha256:" + Sha256.hex(detail().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /** Builds an {@link Envelope}; each setter names the component it sets. Not thread-safe. */
    public static final class Builder {
        private String messageId;
        private String receiptHandle;
        private String queueArn;
        private String sqsBody;
        private JsonNode sqsAttributes;
        private JsonNode body;
        private InvalidEventException error;
        private java.time.Instant sentAt;

        private Builder() {
        }

        /** @param value the SQS message id @return this builder */
        public Builder messageId(String value) {
            messageId = value;
            return this;
        }

        /** @param value the SQS receipt handle @return this builder */
        public Builder receiptHandle(String value) {
            receiptHandle = value;
            return this;
        }

        /** @param value the source queue's ARN @return this builder */
        public Builder queueArn(String value) {
            queueArn = value;
            return this;
        }

        /** @param value the SQS message's body as received @return this builder */
        public Builder sqsBody(String value) {
            sqsBody = value;
            return this;
        }

        /** @param value the SQS message's attributes @return this builder */
        public Builder sqsAttributes(JsonNode value) {
            sqsAttributes = value;
            return this;
        }

        /** @param value the JSON object carried @return this builder */
        public Builder body(JsonNode value) {
            body = value;
            return this;
        }

        /** @param value why the message could not be read @return this builder */
        public Builder error(InvalidEventException value) {
            error = value;
            return this;
        }

        /** @param value when SQS received the message @return this builder */
        public Builder sentAt(java.time.Instant value) {
            sentAt = value;
            return this;
        }

        /**
         * @return the envelope
         * @throws IllegalArgumentException when both or neither of a body and an error are set
         */
        public Envelope build() {
            return new Envelope(messageId, receiptHandle, queueArn, sqsBody, sqsAttributes, body, error, sentAt);
        }
    }
}
