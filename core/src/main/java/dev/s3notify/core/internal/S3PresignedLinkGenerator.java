package dev.s3notify.core.internal;

import dev.s3notify.core.Link;
import dev.s3notify.core.LinkSettings;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.Variables;
import dev.s3notify.spi.LinkGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Links that are S3 presigned GET URLs ({@code LINK_KIND=s3-presigned}, the default), signed here with SigV4 and
 * no AWS SDK. The link serves the uploaded version when the event names one, and asks S3 for the configured
 * {@code Content-Disposition}. A link signed with temporary credentials stops working when they expire.
 */
public final class S3PresignedLinkGenerator implements LinkGenerator {

    /** For {@link java.util.ServiceLoader}. */
    public S3PresignedLinkGenerator() {
    }

    @Override
    public String kind() {
        return "s3-presigned";
    }

    @Override
    public Link generate(ObjectEvent object, LinkSettings settings, Instant now) {
        Map<String, String> query = new TreeMap<>();
        if (object.versionId() != null) {
            query.put("versionId", object.versionId());
        }
        ContentDispositions.header(settings.contentDisposition(), object.fileName())
                .ifPresent(value -> query.put("response-content-disposition", value));
        String url = SigV4.presign("GET", S3Locations.objectUrl(object, settings), query,
                settings.credentials().credentials(), S3Locations.region(object, settings), "s3", now,
                settings.expiration().getSeconds());
        return new Link(url, now.plus(settings.expiration()));
    }

    @Override
    public List<String> variables() {
        return List.of(Variables.URL_EXPIRATION_SECONDS.name(), Variables.LINK_CONTENT_DISPOSITION.name(),
                Variables.S3_FORCE_PATH_STYLE.name(), Variables.AWS_ENDPOINT_URL_S3.name(),
                Variables.LINK_SIGNING_SECRET_ARN.name());
    }
}
