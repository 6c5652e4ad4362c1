package dev.s3notify.core.links;

import dev.s3notify.core.Link;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.links.LinkSettings.ContentDisposition;
import dev.s3notify.spi.LinkGenerator;
import dev.s3notify.spi.LinkSigner;
import java.time.Duration;
import java.time.Instant;

/**
 * Links that are S3 presigned GET URLs ({@code LINK_KIND=s3-presigned}, the default), made by the settings'
 * context's {@link LinkSigner} (the AWS SDK's presigner). The link serves the uploaded version when the
 * event names one, and asks S3 for the configured {@code Content-Disposition}. A link signed with temporary
 * credentials stops working when they expire, and says so in its expiry.
 */
final class S3PresignedLinkGenerator implements LinkGenerator {
    private final LinkSigner signer;
    private final Duration expiration;
    private final ContentDisposition disposition;

    /**
     * @param signer presigns with the signing credentials
     * @param expiration how long a link works ({@code URL_EXPIRATION_SECONDS})
     * @param disposition what a click does ({@code LINK_CONTENT_DISPOSITION})
     */
    S3PresignedLinkGenerator(LinkSigner signer, Duration expiration, ContentDisposition disposition) {
        this.signer = signer;
        this.expiration = expiration;
        this.disposition = disposition;
    }

    @Override
    public Link generate(ObjectEvent object, Instant now) {
        String header = ContentDispositions.header(disposition, object.fileName()).orElse(null);
        return signer.presign(object, header, expiration, now);
    }
}
