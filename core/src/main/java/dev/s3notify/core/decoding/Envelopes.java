package dev.s3notify.core.decoding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.input.JsonErrors;
import dev.s3notify.core.support.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Takes the JSON a Lambda function is invoked with apart into the messages it carries, whatever those messages
 * are (S3 events for the link generator, EventBridge events for the webhook dispatcher):
 * <ul>
 *   <li>an SQS event ({@code Records[]} with {@code eventSource aws:sqs}): one envelope per message, its
 *       {@code body} parsed; a body that is an SNS notification (SNS to SQS without raw message delivery) is
 *       unwrapped again to its {@code Message};</li>
 *   <li>an SNS event ({@code Records[]} with {@code EventSource aws:sns}): one envelope per record, its
 *       {@code Sns.Message} parsed, without a message id;</li>
 *   <li>anything else: one envelope holding the event itself.</li>
 * </ul>
 * A message that cannot be read becomes an envelope with an error, so that only that SQS message is reported as
 * a batch item failure; {@code unwrap} itself does not throw for it.
 */
public final class Envelopes {
    private static final int BODY_QUOTE_LIMIT = 80;

    private Envelopes() {
    }

    /**
     * @param json the bytes a function was invoked with
     * @return the parsed JSON
     * @throws InvalidEventException {@code event is not valid JSON: <parser message>}, when it is not one JSON value
     */
    public static JsonNode parse(byte[] json) {
        try {
            JsonNode root = Json.STRICT.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new InvalidEventException("event is not valid JSON: it is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            // No cause: the parser's own message quotes the token it stopped at, which may be part of a link.
            throw new InvalidEventException("event is not valid JSON: " + JsonErrors.describe(e));
        } catch (IOException e) {
            throw new InvalidEventException("event could not be read", e);
        }
    }

    /**
     * @param root the event a function was invoked with
     * @return its messages in order, each with a body or an error; never empty
     */
    public static List<Envelope> unwrap(JsonNode root) {
        Objects.requireNonNull(root, "root");
        List<Envelope> envelopes = new ArrayList<>();
        if (allRecordsFrom(root, "eventSource", "aws:sqs")) {
            requireMessageIds(root.get("Records"));
            root.get("Records").forEach(record -> envelopes.add(sqsMessage(record)));
        } else if (allRecordsFrom(root, "EventSource", "aws:sns")) {
            root.get("Records").forEach(record -> envelopes.add(snsMessage(record)));
        } else {
            envelopes.add(Envelope.of(root));
        }
        return List.copyOf(envelopes);
    }

    private static boolean allRecordsFrom(JsonNode root, String field, String source) {
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            return false;
        }
        for (JsonNode record : records) {
            if (!source.equals(EventJson.text(record, field))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A message without an id cannot be reported as a batch item failure, and Lambda takes a failure without an id
     * as the whole batch's: the messages handled would be handled again. So the batch fails before any is.
     */
    private static void requireMessageIds(JsonNode records) {
        for (int i = 0; i < records.size(); i++) {
            JsonNode id = records.get(i).get("messageId");
            if (id == null || !id.isTextual() || id.asText().isBlank()) {
                throw new InvalidEventException("SQS record " + i + ": expected messageId (a non-empty string) but"
                        + " found " + EventJson.describe(id) + "; a message without an id cannot be reported for"
                        + " retry on its own, so the whole batch fails before any message is handled");
            }
        }
    }

    /** SQS's epoch milliseconds as Lambda gives them (a string); null when absent or not a number. */
    private static java.time.Instant sentAt(JsonNode millis) {
        String text = millis.isTextual() || millis.isNumber() ? millis.asText() : "";
        if (!text.matches("[0-9]{1,15}")) {
            return null;
        }
        return java.time.Instant.ofEpochMilli(Long.parseLong(text));
    }

    private static Envelope sqsMessage(JsonNode record) {
        String id = EventJson.text(record, "messageId");
        JsonNode body = record.get("body");
        Envelope.Builder sqs = Envelope.builder().messageId(id)
                .receiptHandle(nonBlank(record, "receiptHandle"))
                .queueArn(nonBlank(record, "eventSourceARN"))
                .sqsBody(body != null && body.isTextual() ? body.asText() : null)
                .sqsAttributes(record.path("messageAttributes").isObject() ? record.get("messageAttributes") : null)
                .sentAt(sentAt(record.path("attributes").path("SentTimestamp")));
        String label = "SQS message " + EventJson.cut(id, EventJson.ID_LIMIT);
        if (body == null || !body.isTextual()) {
            return failed(sqs, label + ": expected body (a string holding JSON) but found " + EventJson.describe(body));
        }
        Envelope envelope = object(sqs, label + ": body", body.asText());
        if (envelope.failed() || !"Notification".equals(EventJson.text(envelope.body(), "Type"))) {
            return snsControlMessage(sqs, envelope, label);
        }
        JsonNode notification = envelope.body();
        String message = EventJson.text(notification, "Message");
        if (message == null) {
            return failed(sqs, label + ": expected the SNS notification's Message (a string holding JSON) but found "
                    + EventJson.describe(notification.get("Message")));
        }
        return object(sqs, label + ": SNS notification " + EventJson.cut(EventJson.text(notification, "MessageId"),
                EventJson.ID_LIMIT) + " Message",
                message);
    }

    private static String nonBlank(JsonNode record, String field) {
        String value = EventJson.text(record, field);
        return value == null || value.isBlank() ? null : value;
    }

    /** SNS sends these to a queue subscribed from another account; they carry no event and must not be acked. */
    private static Envelope snsControlMessage(Envelope.Builder sqs, Envelope envelope, String label) {
        String type = envelope.failed() ? null : EventJson.text(envelope.body(), "Type");
        if ("SubscriptionConfirmation".equals(type) || "UnsubscribeConfirmation".equals(type)) {
            return failed(sqs, label + ": expected an event but found an SNS " + type
                    + "; confirm the subscription in the SNS console so that notifications arrive instead");
        }
        return envelope;
    }

    private static Envelope snsMessage(JsonNode record) {
        JsonNode sns = record.path("Sns");
        String label = "SNS message " + EventJson.cut(EventJson.text(sns, "MessageId"),
                EventJson.ID_LIMIT);
        String message = EventJson.text(sns, "Message");
        if (message == null) {
            return failed(Envelope.builder(), label + ": expected Sns.Message (a string holding JSON) but found "
                    + EventJson.describe(sns.get("Message")));
        }
        return object(Envelope.builder(), label + ": Message", message);
    }

    private static Envelope object(Envelope.Builder envelope, String label, String json) {
        JsonNode node;
        try {
            node = Json.STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            // No cause: the parser's message quotes the token it stopped at, which may be part of a link.
            return failed(envelope, label + " is not JSON: " + JsonErrors.describe(e) + ": "
                    + EventJson.quote(json, BODY_QUOTE_LIMIT));
        }
        if (node == null || node.isMissingNode()) {
            return failed(envelope, label + " is not JSON: " + EventJson.quote(json, BODY_QUOTE_LIMIT));
        }
        if (!node.isObject()) {
            return failed(envelope, label + " is not a JSON object: found " + EventJson.describe(node));
        }
        return envelope.error(null).body(node).build();
    }

    private static Envelope failed(Envelope.Builder envelope, String message) {
        return envelope.body(null).error(new InvalidEventException(message)).build();
    }
}
