package dev.s3notify.core.queue;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.support.Log;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns one destination's files of a batch into as few messages as the platform allows, each file reachable from
 * one of them: one file is today's single-file message, byte for byte; more are one digest when it carries every
 * link, else one digest linking to an index page of them all; with nowhere to write an index, the files are split
 * in halves until each half's digest carries its links (down to single-file messages).
 */
public final class Composer {
    private static final Log LOG = Log.of(Composer.class);

    private final Digests digests;
    private final IndexStore index;

    /**
     * @param digests how digests are worded
     * @param index where index pages go, or null for nowhere
     */
    public Composer(Digests digests, IndexStore index) {
        this.digests = Objects.requireNonNull(digests, "digests");
        this.index = index;
    }

    /**
     * One message to post and the files it covers.
     *
     * @param request the request
     * @param notification what it carries, for the sender's logs and per-attempt signing
     * @param covers the files
     * @param indexPage the index page's link, or null
     */
    record Message(WebhookRequest request, Notification notification, List<QueuedLink> covers, Link indexPage) {
        Message {
            covers = List.copyOf(covers);
        }

        boolean digest() {
            return covers.size() > 1;
        }
    }

    /**
     * @param destination where the messages go
     * @param links the files, each event once
     * @param deadline when an index page's write must be over
     * @return the messages, covering every file once
     */
    List<Message> compose(Destination destination, List<QueuedLink> links, Instant deadline) {
        List<Message> messages = new ArrayList<>();
        compose(destination, links, true, deadline, messages);
        return messages;
    }

    private void compose(Destination destination, List<QueuedLink> links, boolean whole, Instant deadline,
            List<Message> out) {
        List<Notification> notes = links.stream()
                .map(l -> destination.notification(l.event(), l.eventId())).toList();
        if (links.size() == 1) {
            out.add(new Message(destination.request(notes.get(0)), notes.get(0), links, null));
            return;
        }
        Notification carrier = carrier(notes);
        Optional<WebhookRequest> digest = digests.digest(destination, notes, null);
        if (digest.isPresent()) {
            out.add(new Message(digest.get(), carrier, links, null));
            return;
        }
        Link page = index != null && whole ? publish(destination, notes, links, deadline) : null;
        if (page != null) {
            Optional<WebhookRequest> withIndex = digests.digest(destination, notes, page);
            if (withIndex.isPresent()) {
                out.add(new Message(withIndex.get(), carrier, links, page));
                return;
            }
            LOG.warn("the digest could not be formatted even with an index page; splitting it", "kind",
                    destination.kind(), "files", links.size());
        }
        int half = links.size() / 2;
        compose(destination, links.subList(0, half), false, deadline, out);
        compose(destination, links.subList(half, links.size()), false, deadline, out);
    }

    /**
     * The index page, or null: a page that cannot be written (the bucket refuses, is missing, fails or does not
     * answer) or could not outlive the earliest file link is done without, as when there is no index bucket: the
     * files go in split messages that carry their own links, none lost for the page.
     */
    private Link publish(Destination destination, List<Notification> notes, List<QueuedLink> links,
            Instant deadline) {
        Instant earliest = earliestExpiry(links.stream().map(QueuedLink::event).toList());
        Link page;
        try {
            page = index.publish(pageName(destination, notes), IndexPage.render(destination.digest(notes)), earliest,
                    deadline);
        } catch (S3NotifyException e) {
            LOG.warn("index page not written; the digest is split into messages that carry their links", "kind",
                    destination.kind(), "host", destination.host(), "files", links.size(), "error", e.getMessage());
            return null;
        }
        if (page == null) {
            LOG.info("a file's link has expired already, so no index page could list it; the digest is split into"
                    + " messages that carry their links", "kind", destination.kind(), "files", links.size(),
                    "earliestExpiry", earliest);
        }
        return page;
    }

    /** A digest's notification: the first file's, under an id that names the whole set, stable across retries. */
    private static Notification carrier(List<Notification> notes) {
        Notification first = notes.get(0);
        return new Notification(first.event(), first.message(), Digest.id(eventIds(notes)));
    }

    private static List<String> eventIds(List<Notification> notes) {
        return notes.stream().map(Notification::eventId).toList();
    }

    private static String pageName(Destination destination, List<Notification> notes) {
        return Digest.id(eventIds(notes)) + "-" + DestinationKey.of(destination).substring(0, 8) + ".html";
    }

    private static Instant earliestExpiry(List<LinkEvent> events) {
        return events.stream().map(LinkEvent::expiresAt).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
    }
}
