/**
 * The contract tests of s3-notify's SPIs, shipped as the {@code s3-notify-test-kit} artifact: one class per SPI. A
 * formatter's test extends {@link dev.s3notify.testkit.WebhookFormatterContract} (the provider, single messages,
 * digests, the declared limits and a jqwik property, with statistics that fail a formatter refusing most input);
 * a link generator's extends {@link dev.s3notify.testkit.LinkGeneratorContract}. {@link dev.s3notify.testkit.LinkEvents}
 * builds realistic sample events, {@link dev.s3notify.testkit.HostileInput} the hostile ones. Depends on core's
 * public API, JUnit 5, jqwik and AssertJ; nothing depends on it but tests.
 */
package dev.s3notify.testkit;
