package dev.s3notify.core.function;

import dev.s3notify.core.Digest;
import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.config.Variables;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.templates.SampleEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Formats sample digests, so that a {@code DIGEST_TEMPLATE} the formatter refuses, or one that would leave files
 * without a link, fails rather than a burst of uploads. A digest must link every file, or, when it has one, the
 * index page. Checked at cold start where digests can happen (the queue path, or a {@code DIGEST_TEMPLATE} of one's
 * own: {@link DispatchFunction}); otherwise just before the first batch that could make one (a standard-queue
 * batch: {@link DispatchPipeline}), which fails, sending nothing, when the check does. Its outcome is kept: the
 * configuration does not change while the process lives. Thread-safe.
 */
final class StartupDigests {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final Link INDEX = SampleEvents.INDEX;

    private final List<Check> checks;
    private boolean passed;
    private ConfigurationException failed;

    /**
     * One destination's digests to prove.
     *
     * @param destination where digests go
     * @param source how its digest template is named in a problem: {@code DIGEST_TEMPLATE}, a route's
     *     {@code digestTemplate}, or the kind's default
     */
    record Check(Destination destination, String source) {
    }

    /**
     * @param destination where digests go
     * @param custom whether its digest template is {@code DIGEST_TEMPLATE} rather than the formatter's default
     */
    StartupDigests(Destination destination, boolean custom) {
        this(List.of(new Check(destination, custom ? Variables.DIGEST_TEMPLATE.name()
                : destination.kind() + "'s default digest template")));
    }

    /** @param checks each destination's digests, proven in this order */
    StartupDigests(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /**
     * Runs the check the first time; afterwards returns, or throws again what it threw.
     *
     * @throws ConfigurationException when the digest template cannot make a digest that links every file
     */
    synchronized void check() {
        if (failed != null) {
            throw failed;
        }
        if (!passed) {
            List<String> problems = new ArrayList<>();
            for (Check one : checks) {
                try {
                    check(one.destination(), one.source());
                } catch (ConfigurationException e) {
                    problems.addAll(e.problems());
                }
            }
            if (!problems.isEmpty()) {
                failed = new ConfigurationException(problems);
                throw failed;
            }
            passed = true;
        }
    }

    private static void check(Destination destination, String source) {
        Digest few = destination.digest(samples(3, 0));
        try {
            Optional<WebhookRequest> plain = destination.request(few);
            if (plain.isEmpty()) {
                throw new ConfigurationException(source + " leaves no room for the links of a digest of three"
                        + " files: make it shorter. See docs/templates.md.");
            }
            requireLinks(plain.get(), few, source);
            Digest many = destination.digest(samples(60, 1_500)).withIndexLink(INDEX);
            WebhookRequest indexed = destination.request(many).orElseThrow(() -> new ConfigurationException(
                    destination.kind() + " formatted no message for a digest with an index link"));
            if (!indexed.body().contains(INDEX.url())) {
                requireLinks(indexed, many, source);
            }
        } catch (S3NotifyException | IllegalArgumentException e) {
            throw e instanceof ConfigurationException c ? c : new ConfigurationException(source
                    + " cannot be formatted for a sample digest: " + e.getMessage());
        }
    }

    private static void requireLinks(WebhookRequest request, Digest digest, String source) {
        for (LinkEvent file : digest.files()) {
            if (file.fileUrl() != null && !request.body().contains(file.fileUrl())) {
                throw new ConfigurationException(source + " leaves a file of a sample digest without its link: put"
                        + " {{{fileUrl}}} inside {{#files}}…{{/files}} and {{{indexUrl}}} in {{#hasIndex}}…"
                        + "{{/hasIndex}}. See docs/templates.md.");
            }
        }
    }

    /** Uploads under one prefix, the last one removed; links of {@code linkLength} characters or a short one. */
    private static List<Notification> samples(int count, int linkLength) {
        List<Notification> samples = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String key = "samples/2026-01/report-" + i + ".pdf";
            boolean removed = i == count;
            String url = removed ? null : "https://example-bucket.s3.us-east-1.amazonaws.com/" + key
                    + "?X-Amz-Signature=" + "0".repeat(Math.max(1, linkLength - 70));
            LinkEvent event = LinkEvent.builder().fileName("report-" + i + ".pdf").fileUrl(url)
                    .bucket("example-bucket").expirationTime(removed ? null : "24 hours").timestamp(AT).key(key)
                    .size(removed ? null : 1_572_864L).eventType(removed ? EventType.DELETED : EventType.CREATED)
                    .eventTime(AT).expiresAt(removed ? null : AT.plusSeconds(86_400)).region("us-east-1")
                    .sourceEventId("sample-" + i).build();
            samples.add(new Notification(event, "", "startup-check-" + i));
        }
        return samples;
    }
}
