/**
 * Text that reaches people, once for every formatter and every message:
 * <ul>
 * <li>cut to a platform's limits: lengths in code points, UTF-16 code units or UTF-8 bytes
 * ({@link dev.s3notify.core.text.TextUnit}), a "…" counted inside the limit, and cuts that never split a surrogate
 * pair, a link or whatever else a formatter declares whole ({@link dev.s3notify.core.text.Boundary}); formatters
 * declare their limits as {@link dev.s3notify.core.text.TextLimit}s and do not re-implement cutting; when the limit is
 * on something built around the text (a body's bytes around a message), {@link dev.s3notify.core.text.Fitting}
 * finds its longest cut that fits;</li>
 * <li>quotes of input in error messages and log values ({@link dev.s3notify.core.text.SafeText}), bounded in length,
 * stripped of control and bidirectional-formatting characters and redacted of credentials;</li>
 * <li>sizes as people read them ({@link dev.s3notify.core.text.Sizes}).</li>
 * </ul>
 *
 * <p>Public API for formatters, plugins included. The ground floor: every other package of core (and any adapter)
 * may use it.
 *
 * <p>May use nothing of s3-notify, the JDK and its own libraries; nothing above it (checked by
 * {@code ArchitectureTest}).
 */
package dev.s3notify.core.text;
