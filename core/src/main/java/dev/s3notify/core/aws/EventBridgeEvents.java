package dev.s3notify.core.aws;

import dev.s3notify.core.EventEntry;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * One PutEvents call through the SDK's {@link EventBridgeClient}, its answer read entry by entry. Batching, and the
 * resending of entries that failed for a transient reason, are the caller's. Thread-safe.
 */
public final class EventBridgeEvents {
    /** The error code given to an entry the answer does not account for. */
    public static final String NO_RESULT = "NoResult";

    /**
     * What PutEvents said about one entry.
     *
     * @param errorCode null when it was published, else AWS's {@code ErrorCode} (or {@link #NO_RESULT})
     * @param errorMessage AWS's {@code ErrorMessage}, made safe, or empty
     */
    public record Result(String errorCode, String errorMessage) {
        /** @return whether the entry was published */
        public boolean published() {
            return errorCode == null;
        }
    }

    private final EventBridgeClient client;
    private final java.util.function.UnaryOperator<String> redact;

    EventBridgeEvents(EventBridgeClient client) {
        this(client, text -> text);
    }

    private EventBridgeEvents(EventBridgeClient client, java.util.function.UnaryOperator<String> redact) {
        this.client = client;
        this.redact = redact;
    }

    /**
     * @param session region, credentials, HTTP client
     * @param endpoint the EventBridge endpoint override, or null for AWS's own
     * @return a client made now (at start-up); it connects on first use
     */
    public static EventBridgeEvents create(AwsSession session, URI endpoint) {
        // An entry's error comes in a successful answer, past the clients' redaction of failed calls.
        return new EventBridgeEvents(session.configure(EventBridgeClient.builder(), endpoint, null).build(),
                session::redact);
    }

    /**
     * Runs a PutEvents call through the SDK (endpoint, marshalling, signing with placeholder keys) and stops it
     * before it is sent, so that a SnapStart snapshot holds the classes a real call loads. Resolves no credentials
     * and makes no network call.
     *
     * @param batch sample entries
     */
    public void prime(List<EventEntry> batch) {
        OfflinePriming.run(() -> client.putEvents(request(batch, null).toBuilder()
                .overrideConfiguration(OfflinePriming.offline()).build()), "PutEvents");
    }

    /**
     * @param batch at most 10 entries, at most 256 KiB
     * @param deadline when the invocation ends, or null
     * @return one result per entry, in order; an entry the answer does not account for ({@code {}}, an
     *     {@code Entries} list too short, an entry with neither EventId nor ErrorCode) is a failure, never published
     * @throws AwsCallFailed when the call failed as a whole, after the SDK's retries
     */
    public List<Result> putEvents(List<EventEntry> batch, Instant deadline) {
        PutEventsResponse response;
        try {
            response = client.putEvents(request(batch, deadline));
        } catch (SdkException e) {
            throw new AwsCallFailed("EventBridge PutEvents", e);
        } catch (UncheckedIOException e) {
            throw new AwsCallFailed("EventBridge PutEvents", AwsErrors.cutOff(e));
        }
        List<PutEventsResultEntry> entries = response.hasEntries() ? response.entries() : List.of();
        List<Result> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            PutEventsResultEntry entry = i < entries.size() ? entries.get(i) : null;
            if (entry != null && entry.errorCode() != null) {
                results.add(new Result(entry.errorCode(), AwsErrors.safe(redact.apply(entry.errorMessage()))));
            } else if (entry == null || entry.eventId() == null) {
                results.add(new Result(NO_RESULT, "PutEvents answered " + entries.size() + " results for "
                        + batch.size() + " entries and none with an EventId for this one"));
            } else {
                results.add(new Result(null, ""));
            }
        }
        return results;
    }

    private static PutEventsRequest request(List<EventEntry> batch, Instant deadline) {
        List<PutEventsRequestEntry> entries = batch.stream().map(e -> PutEventsRequestEntry.builder()
                .source(e.source()).detailType(e.detailType()).detail(e.detail()).eventBusName(e.eventBusName())
                .resources(e.resources()).build()).toList();
        PutEventsRequest.Builder request = PutEventsRequest.builder().entries(entries);
        if (deadline != null) {
            request.overrideConfiguration(AwsSession.within(deadline));
        }
        return request.build();
    }
}
