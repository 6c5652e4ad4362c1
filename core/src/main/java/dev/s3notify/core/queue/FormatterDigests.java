package dev.s3notify.core.queue;

import dev.s3notify.core.Link;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.Destination;
import java.util.List;
import java.util.Optional;

/**
 * Digests as the destination's formatter words them: its {@code DIGEST_TEMPLATE} rendered over the files
 * ({@link Destination#digest(List, Link)}) and formatted for the platform ({@link Destination#request(
 * dev.s3notify.core.Digest)}). The formatter answers empty when not every file's link fits and there is no index
 * link yet; the caller then writes the index page and asks again with its link.
 */
public final class FormatterDigests implements Digests {

    @Override
    public Optional<WebhookRequest> digest(Destination destination, List<Notification> files, Link index) {
        return destination.request(destination.digest(files, index));
    }
}
