package dev.s3notify.core.function;

import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.decoding.Batch;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.dispatch.DirectDelivery;
import dev.s3notify.core.dispatch.WebhookSender;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.queue.BatchDispatcher;
import dev.s3notify.core.queue.BatchOutcome;
import dev.s3notify.core.support.SnapshotState;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The webhook dispatcher's work for one invocation: unwrap the envelope (EventBridge, or EventBridge events
 * batched in SQS), read each {@code file-link-generated} detail, render and format the message for each
 * destination, and deliver it. A batch from a standard SQS queue goes to the queue path instead
 * ({@link BatchDispatcher}: digests, pacing, delivery records); one from a FIFO queue is delivered message by
 * message, in order. Built once per function instance by {@link DispatchFunction}; thread-safe.
 *
 * <p>A message that is not accepted after every attempt fails the invocation, or, in an SQS batch, is reported as
 * a batch item failure, so AWS retries it or parks it in a dead-letter queue. Success is never reported for a
 * message that was not accepted.
 */
public final class DispatchPipeline {
    private final List<Destination> destinations;
    private final WebhookSender sender;
    private final BiConsumer<Destination, WebhookRequest> onRequest;
    private final BatchDispatcher batches;
    private final DirectDelivery direct;
    private final StartupDigests digests;

    DispatchPipeline(List<Destination> destinations, WebhookSender sender,
            BiConsumer<Destination, WebhookRequest> onRequest, BatchDispatcher batches, StartupDigests digests) {
        this.destinations = List.copyOf(destinations);
        this.sender = sender;
        this.onRequest = onRequest;
        this.batches = batches;
        this.direct = new DirectDelivery(destinations, sender, onRequest);
        this.digests = digests;
    }

    /**
     * The outcome of an invocation that did not fail as a whole.
     *
     * @param delivered how many messages were delivered (or, previewing, formatted)
     * @param failedMessageIds the SQS message ids to report as batch item failures
     * @param batch what an SQS batch of a standard queue came to (messages posted, files each covered), or null
     *     outside one
     */
    public record Outcome(int delivered, List<String> failedMessageIds, BatchOutcome batch) {
        /** Copies the list. */
        public Outcome {
            failedMessageIds = List.copyOf(failedMessageIds);
        }

        /**
         * @param delivered how many messages were delivered
         * @param failedMessageIds the SQS message ids to report as batch item failures
         */
        public Outcome(int delivered, List<String> failedMessageIds) {
            this(delivered, failedMessageIds, null);
        }
    }

    /**
     * @param input the raw invocation payload
     * @param deadline when the invocation must be over (Lambda's deadline less a margin)
     * @return how many were delivered and which SQS messages failed
     * @throws S3NotifyException when the invocation must fail as a whole (not an SQS batch)
     * @throws dev.s3notify.core.error.ConfigurationException when the digest check, deferred to the first batch of
     *     a standard queue, fails: the batch fails as a whole, nothing sent, and SQS delivers it again or
     *     dead-letters it
     */
    public Outcome handle(byte[] input, Instant deadline) {
        Batch batch = Batch.of(input);
        if (batches != null && batch.isSqs() && !batch.isFifo()) {
            digests.check();
            BatchOutcome outcome = batches.handle(batch.envelopes(), deadline);
            if (onRequest != null) {
                outcome.posted().forEach(posted -> onRequest.accept(destination(posted), posted.request()));
            }
            return new Outcome(outcome.posted().size(), outcome.failedMessageIds(), outcome);
        }
        int[] delivered = {0};
        List<String> failed = batch.forEach(envelope -> delivered[0] += direct.deliver(envelope, deadline));
        return new Outcome(delivered[0], failed);
    }

    /**
     * Delivers one event that is not an SQS batch, as {@link #handle} does, for a caller that shows what the
     * webhooks answered ({@code s3notify send-test}).
     *
     * @param input one {@code file-link-generated} event
     * @param deadline when the delivery must be over
     * @return each destination's answer: the accepting HTTP status, the attempts, the time taken
     * @throws S3NotifyException when the event is not a link event or a destination did not accept it
     */
    public List<WebhookSender.Delivered> deliverOne(byte[] input, Instant deadline) {
        return direct.deliverAnswered(Batch.of(input).envelopes().get(0), deadline);
    }

    /**
     * Delivers one event that is not an SQS batch to one destination, whatever its filters say, for a caller that
     * checks each route's webhook ({@code s3notify send-test}).
     *
     * @param destination the name of one of {@link #destinations()}
     * @param input one {@code file-link-generated} event
     * @param deadline when the delivery must be over
     * @return what the webhook (or its fallback's) answered: the accepting HTTP status, the attempts, the time taken
     * @throws S3NotifyException when the event is not a link event or the message was not accepted
     * @throws IllegalArgumentException when no destination has that name
     */
    public WebhookSender.Delivered deliverTo(String destination, byte[] input, Instant deadline) {
        Destination named = Destination.find(destinations, destination).orElseThrow(() -> new IllegalArgumentException("no destination " + destination));
        return direct.deliverTo(named, Batch.of(input).envelopes().get(0), deadline);
    }

    private Destination destination(BatchOutcome.Posted posted) {
        return Destination.find(destinations, posted.destination()).orElse(destinations.get(0));
    }

    /** @return where messages go, each with its formatter and templates (digests are made through them) */
    public List<Destination> destinations() {
        return destinations;
    }

    /**
     * Closes the webhook connections kept for reuse and drops the retry jitter's seed; sets TLS up when a webhook is
     * https, so that the snapshot holds it. Called before a Lambda SnapStart snapshot is taken and after it is
     * restored. The webhook URL is kept: it is configuration, read once.
     */
    public void forgetCached() {
        SnapshotState.forget();
        if (destinations.stream().anyMatch(d -> d.url() != null && d.url().reveal().regionMatches(true, 0, "https:", 0,
                6))) {
            WebhookSender.prepareTls();
        }
    }

    /**
     * @return a copy that formats every message and sends none: it runs an invocation's code without the network,
     *     to load and compile it before a SnapStart snapshot
     */
    public DispatchPipeline primer() {
        return new DispatchPipeline(destinations, null, null, null, digests);
    }
}
