package dev.s3notify.core.queue;

import dev.s3notify.core.Link;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.Destination;
import java.util.List;
import java.util.Optional;

/** How a destination words a digest of several files: the formatter's part of the queue path. */
interface Digests {
    /**
     * @param destination where it goes, with its formatter
     * @param files the files, at least two, each with its rendered single-file message
     * @param index the index page listing every file, or null when none was written
     * @return the digest, or empty when it cannot carry every file's link without an index page (then the
     *     caller writes one and asks again; with an index it must not be empty)
     */
    Optional<WebhookRequest> digest(Destination destination, List<Notification> files, Link index);
}
