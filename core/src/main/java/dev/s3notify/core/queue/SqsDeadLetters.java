package dev.s3notify.core.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.aws.SqsQueues;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.text.SafeText;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parks messages in the dead-letter queue their own queue's {@code RedrivePolicy} names: SQS has no "dead-letter
 * this" call, so the original body and message attributes are sent there, with {@value #REASON} (the
 * {@link dev.s3notify.core.error.FailureReason}) and {@value #DETAIL} (the platform's words, redacted, at most
 * {@value #DETAIL_LIMIT} characters) added. The caller then reports the message as done, so Lambda deletes it from
 * its queue. A queue with no dead-letter queue is said once, at ERROR, and its messages are retried as before.
 */
public final class SqsDeadLetters implements DeadLetters {
    private static final Log LOG = Log.of(SqsDeadLetters.class);
    static final String REASON = "s3notify-failure-reason";
    static final String DETAIL = "s3notify-failure-detail";
    static final int DETAIL_LIMIT = 1024;
    /** SQS's most message attributes, less the two added here. */
    private static final int KEPT_ATTRIBUTES = 8;

    private final SqsQueues queues;
    private final Set<String> saidNone = ConcurrentHashMap.newKeySet();

    /** @param queues the SQS calls */
    public SqsDeadLetters(SqsQueues queues) {
        this.queues = queues;
    }

    @Override
    public boolean park(QueuedLink link, DeliveryException failure, Instant deadline) {
        if (link.queueArn() == null || link.body() == null) {
            return false;
        }
        Optional<String> target = queues.deadLetterQueue(link.queueArn(), deadline);
        if (target.isEmpty()) {
            if (saidNone.add(link.queueArn())) {
                LOG.error("queue has no dead-letter queue (RedrivePolicy): messages no retry can deliver are retried"
                        + " until their retention ends; set a redrive policy", "queue", SqsQueues.name(link.queueArn()),
                        "reason", failure.reason().name());
            }
            return false;
        }
        Map<String, SqsQueues.Attribute> attributes = attributes(link.attributes());
        attributes.put(REASON, SqsQueues.Attribute.string(failure.reason().name()));
        String detail = failure.detail().isBlank() ? failure.getMessage() : failure.detail();
        attributes.put(DETAIL, SqsQueues.Attribute.string(SafeText.cut(detail, DETAIL_LIMIT)));
        queues.send(target.get(), link.body(), attributes, deadline);
        return true;
    }

    /** Lambda's {@code messageAttributes} ({@code stringValue}, {@code binaryValue} in base64, {@code dataType}). */
    private static Map<String, SqsQueues.Attribute> attributes(JsonNode given) {
        Map<String, SqsQueues.Attribute> kept = new LinkedHashMap<>();
        if (given == null) {
            return kept;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
        while (fields.hasNext() && kept.size() < KEPT_ATTRIBUTES) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            String type = value.path("dataType").asText("String");
            if (field.getKey().startsWith("s3notify-failure-")) {
                continue;
            }
            if (value.path("stringValue").isTextual()) {
                kept.put(field.getKey(), new SqsQueues.Attribute(type, value.get("stringValue").asText(), null));
            } else if (value.path("binaryValue").isTextual()) {
                kept.put(field.getKey(), new SqsQueues.Attribute(type, null,
                        Base64.getDecoder().decode(value.get("binaryValue").asText())));
            }
        }
        return kept;
    }
}
