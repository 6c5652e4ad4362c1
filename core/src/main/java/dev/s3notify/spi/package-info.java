/**
 * The two service-provider interfaces plugins implement, found with {@link java.util.ServiceLoader}, and what they
 * are handed: {@link dev.s3notify.spi.WebhookFormatterProvider} creates a {@link dev.s3notify.spi.WebhookFormatter}
 * from a {@link dev.s3notify.spi.FormatterContext}; {@link dev.s3notify.spi.LinkGeneratorProvider} creates a
 * {@link dev.s3notify.spi.LinkGenerator} from a {@link dev.s3notify.spi.LinkContext}. A provider declares its
 * {@link dev.s3notify.spi.Variable}s and receives their checked values in {@link dev.s3notify.spi.KindSettings}, and
 * no other variable: the environment never reaches a plugin. A formatter declares its platform's limits as
 * {@link dev.s3notify.spi.MessageLimits}, which core applies. A formatter whose destinations are not HTTP webhooks
 * (an SNS topic) supplies a {@link dev.s3notify.spi.Delivery} that sends each attempt in place of core's HTTP post,
 * and may build its AWS client through {@link dev.s3notify.spi.AwsClients}, core's one client set-up, named here
 * without SDK types. {@link dev.s3notify.spi.SpiVersion} says what a core provides; a provider's
 * {@code apiVersion()} what it needs.
 *
 * <p>May use {@code dev.s3notify.core}, {@code dev.s3notify.core.error}, {@code dev.s3notify.core.input},
 * {@code dev.s3notify.core.text}, the JDK and its own libraries; nothing above it (checked by
 * {@code ArchitectureTest}).
 */
package dev.s3notify.spi;
