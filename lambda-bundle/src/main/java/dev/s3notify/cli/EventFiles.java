package dev.s3notify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.Envelope;
import dev.s3notify.core.EventEntry;
import dev.s3notify.core.Envelopes;
import dev.s3notify.core.LinkFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads event files, and turns S3 events into the link events the dispatcher takes (through a dry run). */
final class EventFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventFiles() {
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Main.UsageException("no such event file: " + file);
        } catch (IOException e) {
            throw new Main.UsageException("cannot read the event file " + file + ": " + e.getMessage());
        }
    }

    /** Whether the file holds S3 events (any envelope) rather than link events. */
    static boolean isS3Event(byte[] event) {
        for (Envelope envelope : Envelopes.unwrap(Envelopes.parse(event))) {
            JsonNode body = envelope.body();
            if (body != null && (body.path("source").asText().equals("aws.s3") || body.has("Records")
                    || body.path("Event").asText().startsWith("s3:"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the link generator as a dry run and wraps each would-be entry as the EventBridge event the dispatcher
     * would receive.
     */
    static List<byte[]> toLinkEvents(byte[] s3Event, Map<String, String> env) {
        List<EventEntry> entries = new ArrayList<>();
        LinkFunction.create(env, new LinkFunction.Overrides(true, entries::addAll, null, null, null))
                .handle(s3Event, Instant.now());
        List<byte[]> events = new ArrayList<>();
        for (EventEntry entry : entries) {
            ObjectNode event = MAPPER.createObjectNode();
            event.put("version", "0");
            event.put("id", "local-" + (events.size() + 1));
            event.put("detail-type", entry.detailType());
            event.put("source", entry.source());
            event.put("time", Instant.now().toString());
            try {
                event.set("detail", MAPPER.readTree(entry.detail()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            events.add(event.toString().getBytes(StandardCharsets.UTF_8));
        }
        return events;
    }
}
