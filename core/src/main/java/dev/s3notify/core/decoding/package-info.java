/**
 * Everything that reads what a function is invoked with: the envelopes (EventBridge, SQS, SNS, SNS over SQS;
 * {@link dev.s3notify.core.decoding.Envelopes}), the messages of one invocation and what one failure means for the
 * others ({@link dev.s3notify.core.decoding.Batch}), S3's event shapes with their key encodings
 * ({@link dev.s3notify.core.decoding.S3EventDecoder}), and the {@code file-link-generated} detail in both directions
 * ({@link dev.s3notify.core.decoding.LinkEventJson}). Input is untrusted: every problem is an
 * {@link dev.s3notify.core.error.InvalidEventException} that quotes it briefly.
 *
 * <p>May use {@code dev.s3notify.core}, {@code dev.s3notify.core.error}, {@code dev.s3notify.core.input},
 * {@code dev.s3notify.core.support}, {@code dev.s3notify.core.text}, the JDK and its own libraries; nothing above it
 * (checked by {@code ArchitectureTest}).
 */
package dev.s3notify.core.decoding;
