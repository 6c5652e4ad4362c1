/**
 * The link generator's pipeline: decode the S3 events, settle ambiguous keys with HeadObject
 * ({@link dev.s3notify.core.links.KeyResolver}), make each link with the selected kind (the two built-in kinds,
 * {@code s3-presigned} and {@code public-url}, live here), and publish the {@code file-link-generated} events
 * ({@link dev.s3notify.core.links.EventBridgePublisher}: batches within PutEvents' limits, failed entries resent
 * with backoff, anything unpublished an error).
 *
 * <p>May use {@code dev.s3notify.core.aws}, {@code dev.s3notify.core.decoding}, {@code dev.s3notify.core.config},
 * {@code dev.s3notify.spi}, {@code dev.s3notify.core}, {@code dev.s3notify.core.error},
 * {@code dev.s3notify.core.input}, {@code dev.s3notify.core.support}, {@code dev.s3notify.core.text}, the JDK and
 * its own libraries; nothing above it (checked by {@code ArchitectureTest}).
 */
package dev.s3notify.core.links;
