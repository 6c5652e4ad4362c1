/**
 * The dispatcher's queue path: a batch of {@code file-link-generated} events from SQS becomes as few messages per
 * destination as the platform allows (the single-file message for a lone event, a digest for more, with an index
 * page in S3 when the digest cannot carry every link), paced to the platform's rate, with what cannot be sent now
 * given back to the queue (visibility timeout, batch item failure) instead of slept through, and delivery records
 * in DynamoDB so that an event is delivered to a destination once.
 *
 * <p>Lives here: the batch dispatcher and its ports (formatting, sending, delivery records, index pages, queue
 * visibility) with their AWS SDK implementations. May use core's model, {@code dev.s3notify.spi} and
 * {@code dev.s3notify.core.internal}'s sender; nothing outside core may depend on more than
 * {@link dev.s3notify.core.queue.BatchDispatcher} and {@link dev.s3notify.core.queue.BatchOutcome}.
 */
package dev.s3notify.core.queue;
