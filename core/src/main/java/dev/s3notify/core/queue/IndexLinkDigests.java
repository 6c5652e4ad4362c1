package dev.s3notify.core.queue;

import dev.s3notify.core.Destination;
import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import java.util.List;
import java.util.Optional;

/**
 * Digests any formatter can word: a single-file message whose "file" is the index page, named by the digest's
 * headline ("14 files uploaded to uploads/2026-11/ (1.2 GB)"), through the destination's own template and
 * formatter. Without an index page it cannot carry several links, so it answers empty and the caller writes one.
 */
final class IndexLinkDigests implements Digests {

    @Override
    public Optional<WebhookRequest> digest(Destination destination, List<Notification> files, Link index) {
        if (index == null) {
            return Optional.empty();
        }
        List<LinkEvent> events = files.stream().map(Notification::event).toList();
        LinkEvent first = events.get(0);
        String prefix = DigestSummary.commonPrefix(events);
        Long total = events.stream().allMatch(e -> e.size() == null) ? null
                : events.stream().mapToLong(e -> e.size() == null ? 0 : e.size()).sum();
        LinkEvent page = new LinkEvent(LinkEvent.SCHEMA_VERSION, DigestSummary.headline(events), index.url(),
                first.bucket(), first.expirationTime(), first.timestamp(), prefix.isEmpty() ? null : prefix, total,
                null, null, EventType.CREATED, first.eventTime(), index.expiresAt(), first.region(), null,
                "text/html");
        String eventId = Composer.digestId(files);
        return Optional.of(destination.request(destination.notification(page, eventId)));
    }
}
