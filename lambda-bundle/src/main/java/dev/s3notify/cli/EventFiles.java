package dev.s3notify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.Envelope;
import dev.s3notify.core.Envelopes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads event files, and tells S3 events from the link events the dispatcher takes. */
final class EventFiles {
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
     * @param event the file's contents
     * @param console the environment
     * @return the link events it holds, or (an S3 event) that the link generator makes of it
     */
    static LinkBus.Handed linkEvents(byte[] event, Console console) {
        return isS3Event(event) ? LinkBus.handOver(event, console)
                : new LinkBus.Handed(List.of(event), List.of());
    }
}
