package dev.s3notify.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.EventEntry;
import dev.s3notify.core.function.LinkFunction;
import dev.s3notify.core.links.LinkPipeline;
import dev.s3notify.core.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The link generator with an in-memory bus instead of EventBridge: it runs in the link function's dry-run mode,
 * which publishes nothing and hands every entry to an observer, and each entry is wrapped as the EventBridge
 * event the dispatcher would receive, with an id of its own. Without AWS credentials in the environment, links are signed with
 * placeholder keys (the link function says so on standard error); with them, links are real.
 */
final class LinkBus {
    private static final ObjectMapper MAPPER = Json.MAPPER;

    /**
     * What went over the bus.
     *
     * @param events the {@code file-link-generated} EventBridge events, one per object
     * @param failedMessageIds SQS messages the link generator could not handle
     */
    record Handed(List<byte[]> events, List<String> failedMessageIds) {
        Handed {
            events = List.copyOf(events);
            failedMessageIds = List.copyOf(failedMessageIds);
        }
    }

    private final LinkPipeline pipeline;
    private final List<EventEntry> entries;

    private LinkBus(LinkPipeline pipeline, List<EventEntry> entries) {
        this.pipeline = pipeline;
        this.entries = entries;
    }

    /**
     * @param console the environment, and where plugins are looked for
     * @return the link generator, started as its cold start would (wrap in {@link Startup})
     * @throws dev.s3notify.core.error.ConfigurationException listing every problem of its configuration
     */
    static LinkBus start(Console console) {
        List<EventEntry> entries = new ArrayList<>();
        return new LinkBus(LinkFunction.create(console.env(), overrides(console, entries::addAll)), entries);
    }

    /**
     * @param event a file-link-generated event: for the dispatcher as it is
     * @return it, handed over unchanged
     */
    static Handed unchanged(byte[] event) {
        return new Handed(List.of(event), List.of());
    }

    /**
     * @param s3Event an S3 event in any envelope
     * @return the link events and the SQS messages that failed
     * @throws dev.s3notify.core.error.S3NotifyException when the event as a whole cannot be handled
     */
    Handed handOver(byte[] s3Event) {
        entries.clear();
        LinkPipeline.Outcome outcome = pipeline.handle(s3Event, Instant.now());
        List<byte[]> events = new ArrayList<>();
        for (EventEntry entry : entries) {
            // Unique per run, as EventBridge ids are: receivers deduplicate on it (the generic kind's webhook-id).
            events.add(eventBridgeEvent(entry, "local-" + UUID.randomUUID()));
        }
        return new Handed(events, outcome.failedMessageIds());
    }

    /** @return whether links would be signed with placeholder keys, for want of AWS credentials */
    static boolean signsWithPlaceholderKeys(Console console) {
        return LinkFunction.signsWithPlaceholderKeys(console.env(), overrides(console, entries -> { }));
    }

    /** The link function's dry run: it publishes nothing and hands every entry to {@code observer}. */
    private static LinkFunction.Overrides overrides(Console console, Consumer<List<EventEntry>> observer) {
        return new LinkFunction.Overrides(true, observer, null, null, console.loader());
    }

    private static byte[] eventBridgeEvent(EventEntry entry, String id) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", entry.detailType());
        event.put("source", entry.source());
        event.put("time", Instant.now().toString());
        try {
            event.set("detail", MAPPER.readTree(entry.detail()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
