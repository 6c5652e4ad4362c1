/**
 * Text cut to a platform's limits, once for every formatter: lengths in code points, UTF-16 code units or UTF-8
 * bytes ({@link dev.s3notify.core.text.TextUnit}), a "…" counted inside the limit, and cuts that never split a
 * surrogate pair, a link or whatever else a formatter declares whole ({@link dev.s3notify.core.text.Boundary}).
 * Formatters declare their limits as {@link dev.s3notify.core.text.TextLimit}s; they do not re-implement cutting.
 *
 * <p>Public API for formatters, plugins included. Depends on the JDK only; nothing in core's other packages.
 */
package dev.s3notify.core.text;
