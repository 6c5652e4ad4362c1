package dev.s3notify.spi;

import dev.s3notify.core.Link;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.error.S3NotifyException;
import java.time.Duration;
import java.time.Instant;

/**
 * Presigns S3 GET links with the link generator's signing credentials (the function's role, or the keys of
 * {@code LINK_SIGNING_SECRET_ARN}). Core builds it at start-up on the AWS SDK and hands it to link generators in
 * {@link LinkContext#signer()}; plugins see only this interface, never the SDK. Thread-safe.
 */
public interface LinkSigner {
    /**
     * @param object the object: bucket, decoded key, version (signed into the link when not null) and region (the
     *     configured one when null)
     * @param contentDisposition the {@code Content-Disposition} the link asks S3 to answer with, or null for the
     *     object's own
     * @param expiration how long the link works, 1 s to 7 days
     * @param now when its lifetime counts from; the SDK signs with the current time, never earlier than this
     * @return the link; its {@link Link#expiresAt()} is {@code now + expiration}, or earlier when the signing
     *     credentials expire first (a link dies with them)
     * @throws S3NotifyException when no link can be made for it (no credentials, a bucket the signer cannot
     *     address), saying why
     */
    Link presign(ObjectEvent object, String contentDisposition, Duration expiration, Instant now);

    /**
     * Drops cached credentials so that the next link fetches them anew: called before a SnapStart snapshot and
     * after each restore. The default caches nothing.
     */
    default void forget() {
    }
}
