/**
 * The ntfy formatter ({@code WEBHOOK_KIND=ntfy}): JSON publishing to ntfy.sh or a self-hosted ntfy server, with an
 * access token as a secret setting. Only {@link dev.s3notify.ntfy.NtfyFormatterProvider} is public; the rest is
 * package-private and uses core and the SPI only.
 */
package dev.s3notify.ntfy;
