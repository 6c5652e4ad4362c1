package dev.s3notify.spi;

import dev.s3notify.core.Link;
import dev.s3notify.core.ObjectEvent;
import java.time.Instant;

/**
 * Makes download links, configured: created by a {@link LinkGeneratorProvider} with its validated settings.
 * Immutable and thread-safe.
 */
public interface LinkGenerator {

    /**
     * Makes the link. Called once per downloadable object; must not block for long.
     *
     * @param object the object, with its key decoded
     * @param now the current time, from which the expiry counts
     * @return the link and its expiry
     */
    Link generate(ObjectEvent object, Instant now);
}
