package dev.s3notify.core.decoding;

import dev.s3notify.core.support.ErrorWords;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.error.S3NotifyException;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The messages of one invocation, and what happens when one of them fails. Outside an SQS batch the failure fails
 * the invocation. In an SQS batch it fails only that message (reported as a batch item failure, so only it is
 * retried): any exception counts, a bug included, since the other messages were handled and must not be handled
 * again with the whole batch. From a FIFO queue every message after a failed one is reported too, unhandled, so
 * that the retries keep the queue's order.
 */
public final class Batch {
    private static final Log LOG = Log.of(Batch.class);

    private final List<Envelope> envelopes;
    private final boolean sqs;
    private final boolean fifo;

    private Batch(List<Envelope> envelopes) {
        this.envelopes = envelopes;
        this.sqs = envelopes.stream().anyMatch(Envelope::fromSqs);
        this.fifo = envelopes.stream().allMatch(e -> e.fromSqs() && e.queueArn() != null
                && e.queueArn().endsWith(".fifo"));
    }

    /**
     * @param input the raw invocation payload
     * @return its messages
     * @throws InvalidEventException when the payload is not JSON
     */
    public static Batch of(byte[] input) {
        return of(Envelopes.parse(input));
    }

    /**
     * @param root the parsed invocation payload
     * @return its messages
     */
    public static Batch of(JsonNode root) {
        return new Batch(Envelopes.unwrap(root));
    }

    /** @return the messages, in order, each unwrapped once */
    public List<Envelope> envelopes() {
        return envelopes;
    }

    /** @return whether the messages came in an SQS batch, whose failures are reported one by one */
    public boolean isSqs() {
        return sqs;
    }

    /**
     * @return whether it is a batch from an SQS FIFO queue (every message's queue ARN ends in {@code .fifo}), whose
     *     messages must be handled in order
     */
    public boolean isFifo() {
        return fifo;
    }

    /**
     * @param work what to do with one message; it throws when the message cannot be handled
     * @return the ids of the SQS messages to report as batch item failures
     */
    public List<String> forEach(Consumer<Envelope> work) {
        List<String> failed = new ArrayList<>();
        for (Envelope envelope : envelopes) {
            if (fifo && !failed.isEmpty()) {
                failed.add(envelope.messageId());
                continue;
            }
            try {
                work.accept(envelope);
            } catch (RuntimeException e) {
                if (!sqs) {
                    throw e;
                }
                LOG.error("message failed; reported for retry", "messageId", envelope.messageId(), "error",
                        e instanceof S3NotifyException ? e.getMessage() : ErrorWords.of(e));
                failed.add(envelope.messageId());
            }
        }
        if (fifo && failed.size() > 1) {
            LOG.warn("FIFO queue: the messages after the failed one are reported too, to keep their order",
                    "reported", failed.size());
        }
        return failed;
    }
}
