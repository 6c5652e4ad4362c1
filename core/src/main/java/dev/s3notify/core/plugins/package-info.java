/**
 * The plugin registries: where plugin jars come from ({@link dev.s3notify.core.plugins.Plugins}), one registry per
 * SPI loaded once ({@link dev.s3notify.core.plugins.KindRegistry}: a provider that fails to load is reported by
 * class name, a duplicate kind or a provider that needs a newer SPI is a start-up error), and the choice of a
 * formatter from {@code WEBHOOK_KIND} or the webhook URL.
 *
 * <p>May use {@code dev.s3notify.core.config}, {@code dev.s3notify.spi}, {@code dev.s3notify.core},
 * {@code dev.s3notify.core.error}, {@code dev.s3notify.core.support}, {@code dev.s3notify.core.text}, the JDK and
 * its own libraries; nothing above it (checked by {@code ArchitectureTest}).
 */
package dev.s3notify.core.plugins;
