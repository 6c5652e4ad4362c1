/**
 * Text that reaches people, once for every formatter and every message:
 * <ul>
 * <li>cut to a platform's limits: lengths in code points, UTF-16 code units or UTF-8 bytes
 * ({@link dev.s3notify.core.text.TextUnit}), a "…" counted inside the limit, and cuts that never split a surrogate
 * pair, a link or whatever else a formatter declares whole ({@link dev.s3notify.core.text.Boundary}); formatters
 * declare their limits as {@link dev.s3notify.core.text.TextLimit}s and do not re-implement cutting;</li>
 * <li>quotes of input in error messages and log values ({@link dev.s3notify.core.text.SafeText}), bounded in
 * length, stripped of control and bidirectional-formatting characters and redacted of credentials.</li>
 * </ul>
 *
 * <p>Public API for formatters, plugins included. Depends on the JDK only; every other package of core (and any
 * adapter) may use it.
 */
package dev.s3notify.core.text;
