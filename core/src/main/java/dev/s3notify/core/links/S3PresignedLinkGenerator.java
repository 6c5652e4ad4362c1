package dev.s3notify.core.links;

import dev.s3notify.core.Link;
import dev.s3notify.spi.LinkSettings;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.spi.LinkGenerator;
import java.time.Instant;

/**
 * Links that are S3 presigned GET URLs ({@code LINK_KIND=s3-presigned}, the default), made by the settings'
 * {@link dev.s3notify.spi.LinkSigner} (the AWS SDK's presigner). The link serves the uploaded version when the
 * event names one, and asks S3 for the configured {@code Content-Disposition}. A link signed with temporary
 * credentials stops working when they expire, and says so in its expiry.
 */
final class S3PresignedLinkGenerator implements LinkGenerator {
    private final LinkSettings settings;

    /** @param settings the validated settings, the signing credentials among them */
    S3PresignedLinkGenerator(LinkSettings settings) {
        this.settings = settings;
    }

    @Override
    public Link generate(ObjectEvent object, Instant now) {
        String disposition = ContentDispositions.header(settings.contentDisposition(), object.fileName())
                .orElse(null);
        return settings.signer().presign(object, disposition, settings.expiration(), now);
    }
}
