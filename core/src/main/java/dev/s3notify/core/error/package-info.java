/**
 * The exceptions s3-notify raises on purpose: one unchecked base, {@link dev.s3notify.core.error.S3NotifyException},
 * whose message says what failed, with which value, and what to do, and its subtypes for configuration that cannot
 * work (raised at cold start, listing every problem), an unknown kind, an event of a shape s3-notify does not
 * understand, and work that could not be delivered. Plugins throw
 * {@link dev.s3notify.core.error.ConfigurationException} from {@code create}.
 *
 * <p>May use {@code dev.s3notify.core.text}, the JDK and its own libraries; nothing above it (checked by
 * {@code ArchitectureTest}).
 */
package dev.s3notify.core.error;
