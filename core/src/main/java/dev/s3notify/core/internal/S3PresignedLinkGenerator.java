package dev.s3notify.core.internal;

import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkSettings;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.spi.LinkGenerator;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Links that are S3 presigned GET URLs ({@code LINK_KIND=s3-presigned}, the default), signed here with SigV4 and
 * no AWS SDK. The link serves the uploaded version when the event names one, and asks S3 for the configured
 * {@code Content-Disposition}. A link signed with temporary credentials stops working when they expire.
 */
final class S3PresignedLinkGenerator implements LinkGenerator {
    private final LinkSettings settings;

    /** @param settings the validated settings, the signing credentials among them */
    S3PresignedLinkGenerator(LinkSettings settings) {
        this.settings = settings;
    }

    @Override
    public Link generate(ObjectEvent object, Instant now) {
        Map<String, String> query = new TreeMap<>();
        if (object.versionId() != null) {
            query.put("versionId", object.versionId());
        }
        ContentDispositions.header(settings.contentDisposition(), object.fileName())
                .ifPresent(value -> query.put("response-content-disposition", value));
        AwsCredentials credentials = settings.credentials().credentials();
        String url = SigV4.presign("GET", S3Locations.objectUrl(object, settings), query, credentials,
                S3Locations.region(object, settings), "s3", now, settings.expiration().getSeconds());
        // A link dies with the credentials that signed it: report the earlier of the two as its expiry.
        Instant expiresAt = now.plus(settings.expiration());
        if (credentials.expiration() != null && credentials.expiration().isBefore(expiresAt)) {
            expiresAt = credentials.expiration();
        }
        return new Link(url, expiresAt);
    }
}
