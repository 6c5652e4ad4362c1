/**
 * The two functions, on top of every room: {@link dev.s3notify.core.function.LinkFunction} and
 * {@link dev.s3notify.core.function.DispatchFunction} build their pipelines from the environment once, at cold
 * start, reporting every configuration problem together; {@link dev.s3notify.core.function.DispatchPipeline} sends
 * an invocation to the queue path or the direct path. The Lambda handlers and the command line use these.
 *
 * <p>May use {@code dev.s3notify.core.queue}, {@code dev.s3notify.core.dispatch}, {@code dev.s3notify.core.routes}, {@code dev.s3notify.core.links},
 * {@code dev.s3notify.core.pacing}, {@code dev.s3notify.core.aws}, {@code dev.s3notify.core.templates},
 * {@code dev.s3notify.core.decoding}, {@code dev.s3notify.core.plugins}, {@code dev.s3notify.core.config},
 * {@code dev.s3notify.spi}, {@code dev.s3notify.core}, {@code dev.s3notify.core.error},
 * {@code dev.s3notify.core.input}, {@code dev.s3notify.core.support}, {@code dev.s3notify.core.text}, the JDK and
 * its own libraries; nothing above it (checked by {@code ArchitectureTest}).
 */
package dev.s3notify.core.function;
