/**
 * Delivering one message to one webhook: where messages go ({@link dev.s3notify.core.dispatch.Destination}: a
 * webhook, its formatter and templates), the one fitting of a message to the limits its formatter declares
 * ({@link dev.s3notify.core.dispatch.MessageFit}), the one webhook sender every formatter shares
 * ({@link dev.s3notify.core.dispatch.WebhookSender}: per-attempt deadlines, bounded bodies, 3xx never followed, 429
 * and 5xx told apart from refusals, pacing) over its own small HTTP/1.1 client on plain sockets and TLS
 * ({@code Exchange}, {@code Http1}, {@code HttpTransport}, {@code Alarm}: no thread but one daemon alarm), and the direct path ({@link dev.s3notify.core.dispatch.DirectDelivery}:
 * one event to every destination).
 *
 * <p>May use {@code dev.s3notify.core.routes}, {@code dev.s3notify.core.pacing}, {@code dev.s3notify.core.templates},
 * {@code dev.s3notify.core.decoding}, {@code dev.s3notify.spi}, {@code dev.s3notify.core},
 * {@code dev.s3notify.core.error}, {@code dev.s3notify.core.input}, {@code dev.s3notify.core.support},
 * {@code dev.s3notify.core.text}, the JDK and its own libraries; nothing above it (checked by
 * {@code ArchitectureTest}).
 */
package dev.s3notify.core.dispatch;
