/**
 * Checks of untrusted input against the formats it must have: AWS region and bucket names and S3 key lengths, URLs
 * ({@link dev.s3notify.core.input.Urls}), a template's tags before it is compiled, and the parser's complaints about
 * input that is not JSON, reworded for people. Each check answers with a sentence saying what was expected, never
 * with the input whole.
 *
 * <p>May use {@code dev.s3notify.core.text}, the JDK and its own libraries; nothing above it (checked by
 * {@code ArchitectureTest}).
 */
package dev.s3notify.core.input;
