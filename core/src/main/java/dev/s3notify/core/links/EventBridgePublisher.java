package dev.s3notify.core.links;

import dev.s3notify.core.EventEntry;
import dev.s3notify.core.aws.AwsCallFailed;
import dev.s3notify.core.aws.EventBridgeEvents;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.support.Backoff;
import dev.s3notify.core.support.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Publishes entries with EventBridge's PutEvents: in calls of at most 10 entries and 256 KiB, resending only the
 * entries that failed with a transient error code, with backoff, and failing with every entry still unpublished.
 * A call that fails as a whole has already been retried by the SDK (standard retry mode): its entries fail at once.
 * Thread-safe. Logs counts, never a detail (it holds a presigned link).
 */
public final class EventBridgePublisher implements EventPublisher {
    private static final int MAX_LISTED = 20;
    private static final Log LOG = Log.of(EventBridgePublisher.class);

    private final EventBridgeEvents events;
    private final Backoff backoff;

    EventBridgePublisher(EventBridgeEvents events, Backoff backoff) {
        this.events = events;
        this.backoff = backoff;
    }

    /**
     * @param events the PutEvents client
     * @return a publisher that makes 4 attempts in all per entry, 100 ms to 2 s apart with full jitter
     */
    public static EventPublisher create(EventBridgeEvents events) {
        return new EventBridgePublisher(events, Backoff.standard());
    }

    @Override
    public void publish(List<EventEntry> entries) {
        publish(entries, null);
    }

    @Override
    public void publish(List<EventEntry> entries, Instant deadline) {
        PutEventsLimits.requireFit(entries);
        List<EventEntry> pending = List.copyOf(entries);
        List<EntryFailure> permanent = new ArrayList<>();
        List<EntryFailure> retryable = List.of();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<EntryFailure> failures = attempt(attempt, pending, deadline);
            failures.stream().filter(f -> !f.retryable()).forEach(permanent::add);
            retryable = failures.stream().filter(EntryFailure::retryable).toList();
            pending = retryable.stream().map(EntryFailure::entry).toList();
            if (pending.isEmpty() || attempt == backoff.maxAttempts() || !timeFor(attempt, deadline)) {
                break;
            }
            pause(attempt, pending);
        }
        List<EntryFailure> unpublished = Stream.concat(permanent.stream(), retryable.stream()).toList();
        if (!unpublished.isEmpty()) {
            throw new DeliveryException("EventBridge PutEvents to " + buses(unpublished) + ": " + unpublished.size()
                    + " of " + entries.size() + " entries unpublished (transient entry failures retried, up to "
                    + backoff.maxAttempts() + " attempts in all, within the invocation's time): "
                    + list(unpublished.stream().map(EntryFailure::describe).toList()));
        }
    }

    private List<EntryFailure> attempt(int attempt, List<EventEntry> pending, Instant deadline) {
        List<List<EventEntry>> batches = PutEventsLimits.batches(pending);
        List<EntryFailure> failures = new ArrayList<>();
        for (List<EventEntry> batch : batches) {
            try {
                List<EventBridgeEvents.Result> results = events.putEvents(batch, deadline);
                for (int i = 0; i < batch.size(); i++) {
                    EventBridgeEvents.Result result = results.get(i);
                    if (!result.published()) {
                        failures.add(EntryFailure.reported(batch.get(i), result.errorCode(), result.errorMessage()));
                    }
                }
            } catch (AwsCallFailed e) {
                LOG.warn("PutEvents call failed", "attempt", attempt, "entries", batch.size(), "error", e.reason());
                batch.forEach(entry -> failures.add(EntryFailure.ofCall(entry, e.reason())));
            } catch (S3NotifyException e) {
                // The deadline came before the call could start.
                batch.forEach(entry -> failures.add(EntryFailure.ofCall(entry, e.getMessage())));
            }
        }
        long retrying = failures.stream().filter(EntryFailure::retryable).count();
        LOG.info("PutEvents attempt", "attempt", attempt, "entries", pending.size(), "calls", batches.size(),
                "published", pending.size() - failures.size(), "retryable", retrying,
                "failed", failures.size() - retrying);
        return failures;
    }

    /** Whether the longest next wait still leaves time for a call before the deadline. */
    private boolean timeFor(int attempt, Instant deadline) {
        return deadline == null
                || Instant.now().plus(backoff.cap()).plus(Duration.ofSeconds(1)).isBefore(deadline);
    }

    private void pause(int attempt, List<EventEntry> pending) {
        try {
            Duration wait = backoff.pause(attempt);
            LOG.info("PutEvents retry", "attempt", attempt + 1, "entries", pending.size(), "waitMs", wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Interrupted before resending " + pending.size() + " EventBridge entries: "
                    + list(pending.stream().map(EventEntry::label).toList()), e);
        }
    }

    private static String buses(List<EntryFailure> failures) {
        List<String> names = failures.stream().map(f -> f.entry().eventBusName()).distinct().toList();
        return (names.size() == 1 ? "event bus '" : "event buses '") + String.join("', '", names) + "'";
    }

    private static String list(List<String> items) {
        String shown = items.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
        return items.size() <= MAX_LISTED ? shown : shown + " and " + (items.size() - MAX_LISTED) + " more";
    }
}
