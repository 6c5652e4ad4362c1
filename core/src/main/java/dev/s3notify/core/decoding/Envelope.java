package dev.s3notify.core.decoding;

import dev.s3notify.core.error.InvalidEventException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.support.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * One unit of work taken out of a Lambda event by {@link Envelopes#unwrap(JsonNode)}: the JSON it carries, or why
 * it could not be read. Exactly one of {@code body} and {@code error} is set.
 *
 * @param messageId the SQS message id, which a handler returns in {@code batchItemFailures} when this message
 *     fails; null outside SQS (an SNS or direct invocation fails as a whole)
 * @param body the JSON object carried, with every SQS and SNS layer removed; null when {@code error} is set
 * @param error why the message could not be read, saying what was expected and what was found; null when
 *     {@code body} is set
 */
public record Envelope(String messageId, JsonNode body, InvalidEventException error) {

    /** Rejects an envelope with both or neither of a body and an error. */
    public Envelope {
        if ((body == null) == (error == null)) {
            throw new IllegalArgumentException("an Envelope has either a body or an error, not "
                    + (body == null ? "neither" : "both"));
        }
    }

    /** @return whether the message could not be read */
    public boolean failed() {
        return error != null;
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
}
