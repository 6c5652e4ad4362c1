/**
 * The dispatcher's queue path: a batch of {@code file-link-generated} events from SQS becomes as few messages per
 * destination as the platform allows (the single-file message for a lone event, a digest for more, with an index
 * page in S3 when the digest cannot carry every link), paced to the platform's rate, with what cannot be sent now
 * given back to the queue (visibility timeout, batch item failure) instead of slept through, delivery records so
 * that an event is delivered to a destination once, and a digest window per destination (the first batch goes at
 * once; what follows within the window is given back to the queue until it closes, then goes as one digest). Outside core, only
 * {@link dev.s3notify.core.queue.BatchDispatcher} and {@link dev.s3notify.core.queue.BatchOutcome} are used.
 *
 * <p>May use {@code dev.s3notify.core.dispatch}, {@code dev.s3notify.core.routes}, {@code dev.s3notify.core.aws}, {@code dev.s3notify.core.pacing},
 * {@code dev.s3notify.core.templates}, {@code dev.s3notify.core.decoding}, {@code dev.s3notify.spi},
 * {@code dev.s3notify.core}, {@code dev.s3notify.core.error}, {@code dev.s3notify.core.input},
 * {@code dev.s3notify.core.support}, {@code dev.s3notify.core.text}, the JDK and its own libraries; nothing above it
 * (checked by {@code ArchitectureTest}).
 */
package dev.s3notify.core.queue;
