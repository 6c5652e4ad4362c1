package dev.s3notify.core.decoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void failsTheInvocationOnTheFirstFailureOutsideAnSqsBatch() {
        Batch batch = Batch.of("{\"detail\":{}}".getBytes(StandardCharsets.UTF_8));

        assertThat(batch.isSqs()).isFalse();
        assertThatThrownBy(() -> batch.forEach(envelope -> {
            throw new InvalidEventException("bad");
        })).isInstanceOf(InvalidEventException.class).hasMessage("bad");
    }

    @Test
    void reportsOnlyTheFailedMessagesOfAStandardQueueBatch() {
        List<String> handled = new ArrayList<>();

        List<String> failed = Batch.of(sqs("arn:aws:sqs:us-east-1:1:links", "m-1", "m-2", "m-3"))
                .forEach(envelope -> {
                    handled.add(envelope.messageId());
                    if (envelope.messageId().equals("m-2")) {
                        throw new IllegalStateException("a bug counts too");
                    }
                });

        assertThat(failed).containsExactly("m-2");
        assertThat(handled).containsExactly("m-1", "m-2", "m-3");
    }

    @Test
    void reportsEveryMessageAfterAFailureFromAFifoQueueWithoutHandlingThem() {
        List<String> handled = new ArrayList<>();

        List<String> failed = Batch.of(sqs("arn:aws:sqs:us-east-1:1:links.fifo", "m-1", "m-2", "m-3", "m-4"))
                .forEach(envelope -> {
                    handled.add(envelope.messageId());
                    if (envelope.messageId().equals("m-2")) {
                        throw new DeliveryException("refused");
                    }
                });

        assertThat(failed).containsExactly("m-2", "m-3", "m-4");
        assertThat(handled).containsExactly("m-1", "m-2");
    }

    @Test
    void recognisesFifoBatchesByTheirSourceArn() {
        assertThat(Batch.of(sqs("arn:aws:sqs:eu-west-1:1:q.fifo", "a")).isFifo()).isTrue();
        assertThat(Batch.of(sqs("arn:aws:sqs:eu-west-1:1:q", "a")).isFifo()).isFalse();
        assertThat(Batch.of("{\"detail\":{}}".getBytes(StandardCharsets.UTF_8)).isFifo()).isFalse();
    }

    private static byte[] sqs(String arn, String... ids) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (String id : ids) {
            records.addObject().put("messageId", id).put("eventSource", "aws:sqs").put("eventSourceARN", arn)
                    .put("body", "{\"detail\":{\"n\":\"" + id + "\"}}");
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
