package dev.s3notify.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.support.Json;
import java.util.List;

/**
 * What a function answers Lambda: how many it did, and the SQS messages to retry in Lambda's
 * {@code batchItemFailures} shape ({@code [{"itemIdentifier": "<message id>"}]}), which the event source mapping reads
 * when {@code ReportBatchItemFailures} is on. Written here rather than with {@code aws-lambda-java-events}'
 * {@code SQSBatchResponse}, which the bundle no longer carries.
 */
final class Answers {
    private Answers() {
    }

    /**
     * @param counted the count's name ({@code published}, {@code delivered})
     * @param count how many
     * @param failedMessageIds the SQS message ids that failed, none outside SQS
     * @return the answer
     */
    static ObjectNode of(String counted, int count, List<String> failedMessageIds) {
        ObjectNode answer = Json.MAPPER.createObjectNode().put(counted, count);
        ArrayNode failures = answer.putArray("batchItemFailures");
        failedMessageIds.forEach(id -> failures.addObject().put("itemIdentifier", id));
        return answer;
    }
}
