package dev.s3notify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.decoding.Envelope;
import dev.s3notify.core.decoding.Envelopes;
import dev.s3notify.core.config.Variables;
import dev.s3notify.core.error.InvalidEventException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads event files ({@code -} is standard input), refuses what is not a JSON event as bad usage, and tells S3
 * events from the link events the dispatcher takes.
 */
final class EventFiles {
    static final String EXAMPLE = "docs/examples/eventbridge-object-created.json";
    private static final String LINK_DETAIL_TYPE = Variables.EVENT_DETAIL_TYPE.defaultValue();

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
        Set<Shape> shapes = shapes(event);
        return shapes.contains(Shape.S3) ? Shape.S3 : shapes.contains(Shape.LINK) ? Shape.LINK : Shape.OTHER;
    }

    /**
     * @param event the file's contents
     * @param other what the function does not take
     * @param wanted what it takes
     * @return whether the event holds {@code other} and nothing {@code wanted}: it is for the other function. A
     *     batch holding both goes to the function, which reports the messages it cannot take, as on Lambda.
     */
    static boolean forTheOtherFunction(byte[] event, Shape other, Shape wanted) {
        Set<Shape> shapes = shapes(event);
        return shapes.contains(other) && !shapes.contains(wanted);
    }

    /** What each message holds, as the handlers read it: a link event's detail first, whatever its source. */
    private static Set<Shape> shapes(byte[] event) {
        Set<Shape> shapes = EnumSet.noneOf(Shape.class);
        for (Envelope envelope : Envelopes.unwrap(Envelopes.parse(event))) {
            JsonNode body = envelope.body();
            if (body != null) {
                shapes.add(shapeOf(body));
            }
        }
        return shapes;
    }

    static Shape shapeOf(JsonNode body) {
        // The dispatcher reads any detail: a link event published with EVENT_SOURCE=aws.s3 is still one.
        if (body.path("detail-type").asText().equals(LINK_DETAIL_TYPE) || body.path("detail").has("fileName")
                || body.path("detail").has("fileUrl") || body.has("fileName")) {
            return Shape.LINK;
        }
        if (body.path("source").asText().equals("aws.s3") || body.has("Records")
                || body.path("Event").asText().startsWith("s3:")) {
            return Shape.S3;
        }
        return Shape.OTHER;
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
