/**
 * Text that reaches people: quotes of input in error messages and log values, bounded in length, stripped of
 * control and bidirectional-formatting characters and redacted of credentials. Depends on the JDK only; every other
 * package of core (and any adapter) may use it.
 */
package dev.s3notify.core.text;
