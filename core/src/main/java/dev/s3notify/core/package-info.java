/**
 * The model: what happened to an object ({@link dev.s3notify.core.ObjectEvent},
 * {@link dev.s3notify.core.EventType}), its link ({@link dev.s3notify.core.Link}), the {@code file-link-generated}
 * event ({@link dev.s3notify.core.LinkEvent}) and the entry that publishes it
 * ({@link dev.s3notify.core.EventEntry}), one message to send ({@link dev.s3notify.core.Notification}) or a digest
 * of several ({@link dev.s3notify.core.Digest}), what a formatter wants posted
 * ({@link dev.s3notify.core.WebhookRequest}) and a platform's rate ({@link dev.s3notify.core.RateLimit}). Immutable
 * values, public API for plugins; they know nothing of how they are decoded, rendered or sent.
 *
 * <p>May use {@code dev.s3notify.core.error}, {@code dev.s3notify.core.support}, {@code dev.s3notify.core.text}, the
 * JDK and its own libraries; nothing above it (checked by {@code ArchitectureTest}).
 */
package dev.s3notify.core;
