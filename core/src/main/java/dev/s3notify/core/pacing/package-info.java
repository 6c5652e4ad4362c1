/**
 * Pacing webhook requests to a platform's rate, for the queue path and the sender alike, under one cap on the waits
 * slept and one jitter rule ({@link dev.s3notify.core.pacing.Pacing}): the queue path's
 * {@link dev.s3notify.core.pacing.Pacer}, sharing the rate between concurrent environments; a
 * {@link dev.s3notify.core.pacing.RateBudget} per webhook, kept in
 * {@link dev.s3notify.core.pacing.RateBudgets} and fed by the platform's documented
 * {@link dev.s3notify.core.RateLimit} and by what its answers say ({@code X-RateLimit-*}, {@code Retry-After},
 * Discord's {@code retry_after}, Telegram's {@code parameters.retry_after}); and {@link dev.s3notify.core.pacing.RateLimitedException}, how a send that cannot
 * go now ends instead of sleeping, so a caller consuming SQS can hand the message back with a visibility timeout.
 *
 * <p>May use {@code dev.s3notify.core}, {@code dev.s3notify.core.error}, {@code dev.s3notify.core.support},
 * {@code dev.s3notify.core.text}, the JDK and its own libraries; nothing above it (checked by
 * {@code ArchitectureTest}).
 */
package dev.s3notify.core.pacing;
