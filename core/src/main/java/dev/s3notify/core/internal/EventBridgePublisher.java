package dev.s3notify.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.CredentialsProvider;
import dev.s3notify.core.DeliveryException;
import dev.s3notify.core.EventEntry;
import dev.s3notify.core.EventPublisher;
import dev.s3notify.core.Log;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Publishes entries with EventBridge's PutEvents: in calls of at most 10 entries and 256 KiB, resending only the
 * entries that failed for a transient reason, with backoff, and failing with every entry still unpublished.
 * Thread-safe. Logs counts, never a detail (it holds a presigned link).
 */
public final class EventBridgePublisher implements EventPublisher {
    static final String TARGET = "AWSEvents.PutEvents";
    private static final int MAX_LISTED = 20;
    private static final Log LOG = Log.of(EventBridgePublisher.class);

    private final AwsJsonClient client;
    private final Backoff backoff;

    EventBridgePublisher(AwsJsonClient client, Backoff backoff) {
        this.client = client;
        this.backoff = backoff;
    }

    /**
     * @param endpointOrNull an endpoint override ({@code AWS_ENDPOINT_URL_EVENTBRIDGE}), or null for
     *     {@code https://events.{region}.amazonaws.com}
     * @param region the region of the bus
     * @param credentials the function's credentials
     * @param timeout how long one PutEvents call may wait for its response
     * @return a publisher that makes 4 attempts in all, 100 ms to 2 s apart with full jitter
     */
    public static EventPublisher create(URI endpointOrNull, String region, CredentialsProvider credentials,
            Duration timeout) {
        return new EventBridgePublisher(AwsJsonClient.create("events", endpointOrNull, region, credentials, timeout),
                Backoff.standard());
    }

    @Override
    public void publish(List<EventEntry> entries) {
        PutEventsLimits.requireFit(entries);
        Set<EventEntry> published = Collections.newSetFromMap(new IdentityHashMap<>());
        List<EventEntry> pending = List.copyOf(entries);
        List<EntryFailure> permanent = new ArrayList<>();
        List<EntryFailure> retryable = List.of();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<EntryFailure> failures = attempt(attempt, pending, published, entries);
            failures.stream().filter(f -> !f.retryable()).forEach(permanent::add);
            retryable = failures.stream().filter(EntryFailure::retryable).toList();
            pending = retryable.stream().map(EntryFailure::entry).toList();
            if (pending.isEmpty() || attempt == backoff.maxAttempts()) {
                break;
            }
            pause(attempt, pending);
        }
        List<EntryFailure> unpublished = Stream.concat(permanent.stream(), retryable.stream()).toList();
        if (!unpublished.isEmpty()) {
            throw new DeliveryException("EventBridge PutEvents to " + buses(unpublished) + ": " + unpublished.size()
                    + " of " + entries.size() + " entries unpublished (transient failures retried, "
                    + backoff.maxAttempts() + " attempts in all): " + list(unpublished.stream().map(EntryFailure::describe).toList()));
        }
    }

    private List<EntryFailure> attempt(int attempt, List<EventEntry> pending, Set<EventEntry> published,
            List<EventEntry> all) {
        List<List<EventEntry>> batches = PutEventsLimits.batches(pending);
        List<EntryFailure> failures = new ArrayList<>();
        for (List<EventEntry> batch : batches) {
            try {
                failures.addAll(results(batch, client.call(TARGET, request(batch)), published));
            } catch (AwsCallException e) {
                LOG.warn("PutEvents call failed", "attempt", attempt, "entries", batch.size(), "status", e.status(),
                        "error", e.errorType(), "retryable", e.retryable());
                if (!e.retryable()) {
                    throw rejected(e, all, published);
                }
                batch.forEach(entry -> failures.add(EntryFailure.ofCall(entry, e)));
            }
        }
        long retrying = failures.stream().filter(EntryFailure::retryable).count();
        LOG.info("PutEvents attempt", "attempt", attempt, "entries", pending.size(), "calls", batches.size(),
                "published", pending.size() - failures.size(), "retryable", retrying,
                "failed", failures.size() - retrying);
        return failures;
    }

    private static ObjectNode request(List<EventEntry> batch) {
        ObjectNode request = AwsJsonClient.JSON.createObjectNode();
        ArrayNode entries = request.putArray("Entries");
        for (EventEntry entry : batch) {
            ObjectNode node = entries.addObject().put("Source", entry.source()).put("DetailType", entry.detailType())
                    .put("Detail", entry.detail()).put("EventBusName", entry.eventBusName());
            ArrayNode resources = node.putArray("Resources");
            entry.resources().forEach(resources::add);
        }
        return request;
    }

    /** Response entries line up with the request's by index; one with an ErrorCode failed. */
    private static List<EntryFailure> results(List<EventEntry> batch, JsonNode response, Set<EventEntry> published) {
        JsonNode results = response.path("Entries");
        boolean anyFailed = response.path("FailedEntryCount").asInt(0) > 0;
        List<EntryFailure> failures = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            JsonNode result = results.path(i);
            String code = AwsJsonClient.text(result, "ErrorCode");
            if (code != null) {
                failures.add(EntryFailure.reported(batch.get(i), code, AwsJsonClient.text(result, "ErrorMessage")));
            } else if (anyFailed && result.isMissingNode()) {
                failures.add(new EntryFailure(batch.get(i), "NoResult", "PutEvents returned no result for it", false));
            } else {
                published.add(batch.get(i));
            }
        }
        return failures;
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

    private static DeliveryException rejected(AwsCallException e, List<EventEntry> all, Set<EventEntry> published) {
        List<EventEntry> unpublished = all.stream().filter(entry -> !published.contains(entry)).toList();
        return new DeliveryException("EventBridge rejected PutEvents to " + busesOf(unpublished) + ", not retried: "
                + e.errorType() + (e.awsMessage().isEmpty() ? "" : ": " + e.awsMessage())
                + (e.status() > 0 ? " (HTTP " + e.status() + ")" : "") + ". Check EVENT_BUS_NAME, the region and the function's events:PutEvents permission. "
                + unpublished.size() + " of " + all.size() + " entries unpublished: "
                + list(unpublished.stream().map(EventEntry::label).toList()), e);
    }

    private static String buses(List<EntryFailure> failures) {
        return busesOf(failures.stream().map(EntryFailure::entry).toList());
    }

    private static String busesOf(List<EventEntry> entries) {
        List<String> names = entries.stream().map(EventEntry::eventBusName).distinct().toList();
        return (names.size() == 1 ? "event bus '" : "event buses '") + String.join("', '", names) + "'";
    }

    private static String list(List<String> items) {
        String shown = items.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
        return items.size() <= MAX_LISTED ? shown : shown + " and " + (items.size() - MAX_LISTED) + " more";
    }
}
