/**
 * What every room needs and no room owns: logging as JSON lines or plain lines
 * ({@link dev.s3notify.core.support.Log}), redaction of URLs and of every known secret in what servers send back
 * ({@link dev.s3notify.core.support.Redact}, {@link dev.s3notify.core.support.ResponseText}), credentials held so
 * that they never print ({@link dev.s3notify.core.support.Secret}), retry jitter and full-jitter backoff
 * ({@link dev.s3notify.core.support.Jitter}, {@link dev.s3notify.core.support.Backoff}) with the one pause interface
 * ({@link dev.s3notify.core.support.Sleeper}), SHA-256 ({@link dev.s3notify.core.support.Sha256}), URI encoding,
 * connection errors in words, an answer's header fields ({@link dev.s3notify.core.support.ResponseHeaders}), the
 * webhook connections kept for reuse ({@link dev.s3notify.core.support.IdleConnections}), the one thread that ends
 * attempts past their time ({@link dev.s3notify.core.support.AttemptTimer}), what a SnapStart
 * snapshot drops ({@link dev.s3notify.core.support.SnapshotState}), and the one shared Jackson mapper
 * ({@link dev.s3notify.core.support.Json}). Each mechanism lives here once.
 *
 * <p>May use {@code dev.s3notify.core.text}, the JDK, Jackson and its own libraries; nothing above it (checked by
 * {@code ArchitectureTest}).
 */
package dev.s3notify.core.support;
