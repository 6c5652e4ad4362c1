package dev.s3notify.core.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** The parts of an SQS batch's records that giving a message back to its queue needs. */
final class SqsRecords {
    private SqsRecords() {
    }

    /**
     * @param receiptHandle the message's receipt handle
     * @param queueArn the queue's ARN ({@code eventSourceARN})
     * @param body the message's body, or null
     * @param attributes the message's attributes ({@code messageAttributes}), or null
     */
    record Handle(String receiptHandle, String queueArn, String body, JsonNode attributes) {
    }

    /**
     * @param root an SQS batch
     * @return each message id's handle; records without a message id are left out
     */
    static Map<String, Handle> handles(JsonNode root) {
        Map<String, Handle> handles = new HashMap<>();
        JsonNode records = root == null ? null : root.get("Records");
        if (records == null || !records.isArray()) {
            return handles;
        }
        for (JsonNode record : records) {
            String id = text(record, "messageId");
            if (id != null) {
                handles.put(id, new Handle(text(record, "receiptHandle"), text(record, "eventSourceARN"),
                        record.path("body").isTextual() ? record.get("body").asText() : null,
                        record.path("messageAttributes").isObject() ? record.get("messageAttributes") : null));
            }
        }
        return handles;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
