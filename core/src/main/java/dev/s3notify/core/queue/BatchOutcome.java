package dev.s3notify.core.queue;

import dev.s3notify.core.WebhookRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one SQS batch came to: the messages posted (or, previewing, formatted), which files each covered, what was
 * skipped as already delivered, and the SQS messages to report as batch item failures.
 *
 * @param posted the messages accepted by their webhook, in the order sent
 * @param skipped the SQS message ids whose event had already been delivered (or was a duplicate in the batch of
 *     one that was), so nothing was sent for them
 * @param failedMessageIds the SQS message ids to report as batch item failures, each once
 * @param deferredFor how long the rate-limited messages among them were hidden from the queue, or null
 * @param deadLettered the SQS message ids sent to their queue's dead-letter queue because no retry could deliver
 *     them (webhook gone, credentials refused, message refused); not reported as failures, so Lambda deletes them
 */
public record BatchOutcome(List<Posted> posted, List<String> skipped, List<String> failedMessageIds,
        Duration deferredFor, List<String> deadLettered) {

    /** Copies the lists. */
    public BatchOutcome {
        posted = List.copyOf(posted);
        skipped = List.copyOf(skipped);
        failedMessageIds = List.copyOf(failedMessageIds);
        deadLettered = List.copyOf(deadLettered);
    }

    /**
     * An outcome with nothing dead-lettered.
     *
     * @param posted the messages accepted
     * @param skipped the SQS message ids already delivered
     * @param failedMessageIds the SQS message ids to report as batch item failures
     * @param deferredFor how long the rate-limited messages were hidden, or null
     */
    public BatchOutcome(List<Posted> posted, List<String> skipped, List<String> failedMessageIds,
            Duration deferredFor) {
        this(posted, skipped, failedMessageIds, deferredFor, List.of());
    }

    /**
     * One message posted.
     *
     * @param destination the destination's name
     * @param kind the formatter kind
     * @param host the webhook's host, the only part of its URL that may be shown
     * @param digest whether it is a digest (false: the single-file message)
     * @param files the files it covers, as {@code s3://bucket/key}
     * @param indexPage the index page it links to, without its query (no signature), or null
     * @param request what was posted
     */
    public record Posted(String destination, String kind, String host, boolean digest, List<String> files,
            String indexPage, WebhookRequest request) {
        /** Copies the list and rejects missing values. */
        public Posted {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(request, "request");
            files = List.copyOf(files);
        }
    }
}
