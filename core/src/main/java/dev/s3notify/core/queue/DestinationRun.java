package dev.s3notify.core.queue;

import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.support.ErrorWords;
import dev.s3notify.core.support.Redact;
import dev.s3notify.core.error.S3NotifyException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One destination's share of one batch: claim each event's delivery record, hold what the open digest window keeps
 * back ({@link Windowing}), compose the messages, pace and send them, and account for every SQS message: posted,
 * skipped (already delivered), failed (released for a retry), refused (a failure no retry can fix: released, for the
 * dead-letter queue), deferred (rate limited: released and hidden from the queue until the platform allows more) or
 * held (released and hidden until the digest window closes).
 */
final class DestinationRun {
    private static final Log LOG = Log.of(DestinationRun.class);

    private final BatchDispatcher.Parts parts;
    private final Destination destination;
    private final String destinationKey;
    private final String pacingKey;
    private final Instant work;
    private final Instant leaseUntil;
    private final StoreErrors store;
    /** Each event once (by delivery key), with every SQS message that carried it. */
    private final Map<String, List<QueuedLink>> byEvent = new LinkedHashMap<>();

    /**
     * @param parts what the dispatcher is made of
     * @param destination where the messages go
     * @param links the batch's files
     * @param work when the claims, the index page and the sends must be over (the invocation's deadline less
     *     the time kept for what comes after them)
     * @param leaseUntil when the claims lapse if neither marked delivered nor released
     * @param store where the delivery records' failures are kept, to be said once
     */
    DestinationRun(BatchDispatcher.Parts parts, Destination destination, List<QueuedLink> links, Instant work,
            Instant leaseUntil, StoreErrors store) {
        this.parts = parts;
        this.destination = destination;
        this.destinationKey = DestinationKey.of(destination);
        this.pacingKey = DestinationKey.pacing(destination);
        this.work = work;
        this.leaseUntil = leaseUntil;
        this.store = store;
        links.forEach(link -> byEvent.computeIfAbsent(link.deliveryKey(), k -> new ArrayList<>()).add(link));
    }

    /**
     * Does the work, once.
     *
     * @return what it came to
     */
    RunResult run() {
        RunTally tally = new RunTally(byEvent);
        List<QueuedLink> now = windowed(formattable(claim(tally), tally), tally);
        if (!now.isEmpty()) {
            compose(now, tally);
        }
        return tally.result();
    }

    /** Holds what waits for the open digest window; the rest goes now. */
    private List<QueuedLink> windowed(List<QueuedLink> claimed, RunTally tally) {
        if (destination.routing().redirectedFrom() != null) {
            return claimed; // a fallback's copy: refused messages go on now, they do not wait for a digest window
        }
        Windowing.Split split = parts.windowing().split(destinationKey, claimed, parts.clock().instant(), work, store);
        if (!split.later().isEmpty()) {
            split.later().forEach(link -> tally.hold(link, split.until()));
            LOG.info("digest window open: files wait for its digest", "route", route(), "kind", destination.kind(),
                    "host",
                    destination.host(), "files", split.later().size(), "sentNow", split.now().size(), "windowClosesAt",
                    split.until());
        }
        return split.now();
    }

    private void compose(List<QueuedLink> claimed, RunTally tally) {
        List<Composer.Message> messages;
        try {
            messages = parts.composer().compose(destination, claimed, work);
        } catch (RuntimeException e) {
            LOG.error("messages could not be composed; the batch's files are reported for retry", "kind",
                    destination.kind(), "host", destination.host(), "files", claimed.size(),
                    "error", describe(e));
            claimed.forEach(tally::fail);
            return;
        }
        for (Composer.Message message : messages) {
            send(message, tally);
        }
    }

    private List<QueuedLink> claim(RunTally tally) {
        DeliveryRecords.Claims found = parts.records().claimAll(destinationKey, List.copyOf(byEvent.keySet()),
                leaseUntil, work);
        Map<String, DeliveryRecords.Claim> claims = found.claims();
        List<QueuedLink> claimed = new ArrayList<>();
        int unclaimable = 0;
        for (Map.Entry<String, List<QueuedLink>> entry : byEvent.entrySet()) {
            QueuedLink first = entry.getValue().get(0);
            DeliveryRecords.Claim claim = claims.get(entry.getKey());
            if (claim == DeliveryRecords.Claim.CLAIMED) {
                claimed.add(first);
                continue;
            }
            if (claim == DeliveryRecords.Claim.DELIVERED) {
                LOG.info("already delivered to this destination; skipped", "eventId", first.eventId(),
                        "sourceEventId", first.event().sourceEventId(), "host", destination.host());
                tally.skip(entry.getValue());
            } else if (claim == DeliveryRecords.Claim.BUSY) {
                LOG.info("another invocation is delivering this event; reported for retry", "eventId",
                        first.eventId(), "host", destination.host());
                tally.retry(entry.getValue());
            } else {
                tally.retry(entry.getValue());
                unclaimable += entry.getValue().size();
            }
        }
        // Said once for the whole invocation, not once per message.
        store.add(StoreErrors.Step.CLAIM, new Failures(unclaimable, found.failure()));
        // A duplicate within the batch shares the fate of the event's first message (see RunTally).
        return claimed;
    }

    /**
     * Formats each file's single-file message first, so that a file the formatter refuses fails alone (a digest,
     * or its halves, can always fall back to these).
     */
    private List<QueuedLink> formattable(List<QueuedLink> claimed, RunTally tally) {
        List<QueuedLink> ok = new ArrayList<>();
        for (QueuedLink link : claimed) {
            try {
                destination.request(destination.notification(link.event(), link.eventId()));
                ok.add(link);
            } catch (RuntimeException e) {
                LOG.error("message failed; reported for retry", "messageId", link.messageId(), "eventId",
                        link.eventId(), "kind", destination.kind(), "error", describe(e));
                tally.fail(link);
            }
        }
        return ok;
    }

    private void send(Composer.Message message, RunTally tally) {
        if (!tally.deferring()) {
            Duration wait = parts.pacer().take(pacingKey, destination.rateLimit(), work);
            if (!wait.isZero()) {
                tally.deferFor(wait);
            }
        }
        if (tally.deferring()) {
            message.covers().forEach(tally::defer);
            return;
        }
        try {
            MessageSender.Result result = parts.sender().send(destination, message.request(),
                    message.notification(), work);
            if (result.deferred()) {
                parts.pacer().backOff(pacingKey, result.retryAfter());
                tally.deferFor(result.retryAfter());
                message.covers().forEach(tally::defer);
                return;
            }
            tally.posted(delivered(message, result.status()), message.covers());
        } catch (DeliveryException e) {
            if (!parkable(message, e)) {
                failed(message, e, tally);
                return;
            }
            LOG.error(destination.fallback().isPresent()
                    ? "message refused; no retry can deliver it: its files go to the route's fallback"
                    : "message refused; no retry can deliver it: its files go to the dead-letter queue", "messageId",
                    ids(message), "eventId", message.notification().eventId(), "route", route(), "kind",
                    destination.kind(), "host", destination.host(), "reason", e.reason().name(), "status", e.status(),
                    "fallback", destination.fallback().orElse(null), "files", message.covers().size(), "error",
                    e.getMessage());
            message.covers().forEach(link -> tally.refuse(link, e));
        } catch (RuntimeException e) {
            failed(message, e, tally);
        }
    }

    /**
     * A digest the platform refused as a payload is retried: the fault may be the digest's, and the files may be
     * composed otherwise next time; a webhook gone or a token refused is the same for every message.
     */
    private static boolean parkable(Composer.Message message, DeliveryException e) {
        return !e.retryable() && !(message.digest() && e.reason() == FailureReason.PAYLOAD_REFUSED);
    }

    private static String ids(Composer.Message message) {
        return String.join(",", message.covers().stream().map(QueuedLink::messageId).toList());
    }

    private void failed(Composer.Message message, RuntimeException e, RunTally tally) {
        LOG.error("message not delivered; its files are reported for retry", "messageId", ids(message), "eventId",
                message.notification().eventId(), "kind", destination.kind(), "host", destination.host(),
                "reason", e instanceof DeliveryException d ? d.reason().name() : FailureReason.OTHER.name(),
                "files", message.covers().size(), "error", describe(e));
        message.covers().forEach(tally::fail);
    }

    /** Marks the records delivered and says so; the message posted is returned for the tally. */
    private BatchOutcome.Posted delivered(Composer.Message message, int status) {
        // Delivered all the same if they cannot be marked: the in-progress records' leases keep a retry from
        // sending them again until they lapse.
        store.add(StoreErrors.Step.MARK, parts.records().deliveredAll(destinationKey,
                message.covers().stream().map(QueuedLink::deliveryKey).toList(), work));
        LOG.info(message.digest() ? "digest delivered" : "message delivered", "eventId",
                message.notification().eventId(), "route", route(), "fallbackOf",
                destination.routing().redirectedFrom(), "kind", destination.kind(), "host",
                destination.host(), "status", status, "files", message.covers().size());
        return new BatchOutcome.Posted(destination.name(), destination.kind(), destination.host(),
                message.digest(), message.covers().stream().map(DestinationRun::file).toList(),
                message.indexPage() == null ? null : Redact.url(message.indexPage().url()), message.request());
    }

    /** @return the route's name for logs, or null for the implicit route (whose logs are as they always were) */
    private String route() {
        return destination.named() ? destination.name() : null;
    }

    private static String file(QueuedLink link) {
        return "s3://" + link.event().bucket() + "/" + (link.event().key() != null ? link.event().key()
                : link.event().fileName());
    }

    static String describe(RuntimeException e) {
        return e instanceof S3NotifyException ? e.getMessage() : ErrorWords.of(e);
    }
}
