package dev.s3notify.cli;

import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.decoding.Envelope;
import dev.s3notify.core.decoding.Envelopes;
import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.core.decoding.S3EventDecoder;
import dev.s3notify.core.error.InvalidEventException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a route's filters see, read from an event file: each object of an S3 event (any envelope) as the link
 * event the link generator would publish for it, without its link and without what only S3 tells (the content type
 * when the event carries none); each {@code file-link-generated} event as it is.
 */
final class FilterEvents {
    private FilterEvents() {
    }

    /**
     * @param event the file's contents, one JSON value ({@link EventFiles#read})
     * @param now when the link events are made
     * @return the link events, in the file's order; empty for an S3 test event
     * @throws Main.UsageException when a message is neither an S3 event nor a link event, or cannot be read
     */
    static List<LinkEvent> read(byte[] event, Instant now) {
        S3EventDecoder decoder = new S3EventDecoder();
        List<LinkEvent> events = new ArrayList<>();
        for (Envelope envelope : Envelopes.unwrap(Envelopes.parse(event))) {
            try {
                switch (EventFiles.shapeOf(envelope.requireBody())) {
                    case LINK -> events.add(LinkEventJson.fromJson(envelope.detail()));
                    case S3 -> decoder.decode(envelope.body()).forEach(o -> events.add(LinkEvent.of(o, null, 0, now)));
                    case OTHER -> throw new InvalidEventException("neither an S3 event nor a file-link-generated"
                            + " event");
                }
            } catch (InvalidEventException e) {
                throw new Main.UsageException("the event file holds a message that cannot be routed: "
                        + e.getMessage() + "; see docs/events.md for the shapes accepted");
            }
        }
        return events;
    }
}
