/**
 * The Telegram kind ({@code WEBHOOK_KIND=telegram}): {@link dev.s3notify.telegram.TelegramFormatterProvider}, the
 * only public class, and the formatter it creates, which sends with the Bot API's {@code sendMessage} in HTML parse
 * mode. May use core's SPI ({@code dev.s3notify.spi}), the model, {@code dev.s3notify.core.input} and
 * {@code dev.s3notify.core.text}, and Jackson.
 */
package dev.s3notify.telegram;
