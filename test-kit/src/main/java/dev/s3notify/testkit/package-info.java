/**
 * The contract tests of s3-notify's SPIs, shipped as the {@code s3-notify-test-kit} artifact: a formatter's test
 * extends {@link dev.s3notify.testkit.WebhookFormatterContract} and is held to the promises every formatter keeps
 * (limits, escaping, no pings, valid JSON, digests that keep every file reachable). Depends on core's public API,
 * JUnit 5 and AssertJ; nothing depends on it but tests.
 */
package dev.s3notify.testkit;
