/**
 * Checks of untrusted input against the formats it must have: AWS region and bucket names and S3 key lengths, the
 * links a link event may carry, and the parser's complaints about input that is not JSON, reworded for people.
 * Each check answers with a sentence saying what was expected, never with the input whole. Depends on the JDK,
 * Jackson and {@code dev.s3notify.core.text}; the decoders and the settings of core use it.
 */
package dev.s3notify.core.input;
