/**
 * Google Chat incoming webhooks ({@code WEBHOOK_KIND=googlechat}): the provider ServiceLoader finds, and the
 * package-private formatter, card, escaping, error wording and URL recognition behind it. Uses core's public API
 * (the SPI, the model, {@code dev.s3notify.core.text}) and Jackson; nothing else depends on it but the bundle.
 */
package dev.s3notify.googlechat;
