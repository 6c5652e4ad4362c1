package dev.s3notify.core;

import dev.s3notify.core.support.Redact;
import java.time.Instant;
import java.util.Objects;

/**
 * A download link and when it stops working. A presigned URL is a credential: {@link #toString()} shows only its
 * scheme, host and path, never the query that carries the signature.
 *
 * @param url the full link, to hand to people
 * @param expiresAt when it stops working, or null for a link that does not expire (a public URL)
 */
public record Link(String url, Instant expiresAt) {

    /** Rejects a missing url. */
    public Link {
        Objects.requireNonNull(url, "url");
    }

    /** @return the link without its query string or fragment, safe to log */
    public String redacted() {
        return Redact.url(url);
    }

    @Override
    public String toString() {
        return "Link[url=" + redacted() + ", expiresAt=" + expiresAt + "]";
    }
}
