/**
 * The environment, read once at the edge and passed down as a map: {@link dev.s3notify.core.config.Settings} reads
 * it through the declarations of {@link dev.s3notify.core.config.Variables} (every variable core reads, with its
 * default and check: the one place they live), collects every problem and throws one
 * {@link dev.s3notify.core.error.ConfigurationException} listing them all; the webhook URL from the environment, and
 * the secrets the environment gives a function, collected so that nothing printed can repeat them.
 *
 * <p>May use {@code dev.s3notify.spi}, {@code dev.s3notify.core}, {@code dev.s3notify.core.error},
 * {@code dev.s3notify.core.input}, {@code dev.s3notify.core.support}, {@code dev.s3notify.core.text}, the JDK and
 * its own libraries; nothing above it (checked by {@code ArchitectureTest}).
 */
package dev.s3notify.core.config;
