package dev.s3notify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.decoding.Envelope;
import dev.s3notify.core.decoding.Envelopes;
import dev.s3notify.core.error.InvalidEventException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads event files ({@code -} is standard input), refuses what is not a JSON event as bad usage, and tells S3
 * events from the link events the dispatcher takes.
 */
final class EventFiles {
    static final String EXAMPLE = "docs/examples/eventbridge-object-created.json";

    /** What an event file holds. */
    enum Shape {
        /** S3 events, in any envelope: for the link generator. */
        S3,
        /** {@code file-link-generated} events, or the old system's detail: for the dispatcher. */
        LINK,
        /** JSON that is neither. */
        OTHER
    }

    private EventFiles() {
    }

    /**
     * @param name a file name, or {@code -} for standard input
     * @param console where standard input is read from
     * @return the contents, which are one JSON value
     * @throws Main.UsageException when the file is missing, unreadable, empty or not JSON
     */
    static byte[] read(String name, Console console) {
        String shown = name.equals("-") ? "standard input" : "the event file " + Main.quoted(name);
        byte[] bytes;
        try {
            bytes = name.equals("-") ? console.in().readAllBytes() : Files.readAllBytes(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new Main.UsageException("no such event file: " + Main.quoted(name));
        } catch (IOException | RuntimeException e) {
            throw new Main.UsageException("cannot read " + shown + ": " + Main.describe(e));
        }
        try {
            Envelopes.parse(bytes);
        } catch (InvalidEventException e) {
            throw new Main.UsageException(shown + " is not an event: " + e.getMessage() + "; give a JSON event"
                    + " such as " + EXAMPLE);
        }
        return bytes;
    }

    /** @return what the event holds: S3 events when any message is one, else link events when any is one */
    static Shape shape(byte[] event) {
        boolean link = false;
        for (Envelope envelope : Envelopes.unwrap(Envelopes.parse(event))) {
            JsonNode body = envelope.body();
            if (body == null) {
                continue;
            }
            if (body.path("source").asText().equals("aws.s3") || body.has("Records")
                    || body.path("Event").asText().startsWith("s3:")) {
                return Shape.S3;
            }
            link |= body.path("detail").has("fileName") || body.has("fileName");
        }
        return link ? Shape.LINK : Shape.OTHER;
    }

    /**
     * @param event the file's contents
     * @return what it holds, S3 events or link events
     * @throws Main.UsageException when it holds neither
     */
    static Shape known(byte[] event) {
        Shape shape = shape(event);
        if (shape == Shape.OTHER) {
            throw new Main.UsageException("the event is neither an S3 event nor a file-link-generated event; see"
                    + " docs/events.md for the shapes accepted, and " + EXAMPLE);
        }
        return shape;
    }
}
