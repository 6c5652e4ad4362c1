package dev.s3notify.core.internal;

import dev.s3notify.core.Link;
import dev.s3notify.core.LinkSettings;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.Variable;
import dev.s3notify.core.Variables;
import dev.s3notify.spi.LinkGenerator;
import java.time.Instant;
import java.util.List;

/**
 * Links that are S3 presigned GET URLs ({@code LINK_KIND=s3-presigned}, the default), made by the settings'
 * {@link dev.s3notify.core.LinkSigner} (the AWS SDK's presigner). The link serves the uploaded version when the
 * event names one, and asks S3 for the configured {@code Content-Disposition}. A link signed with temporary
 * credentials stops working when they expire, and says so in its expiry.
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
        String disposition = ContentDispositions.header(settings.contentDisposition(), object.fileName())
                .orElse(null);
        return settings.signer().presign(object, disposition, settings.expiration(), now);
    }

    @Override
    public List<Variable<?>> variables() {
        return List.of(Variables.URL_EXPIRATION_SECONDS, Variables.LINK_CONTENT_DISPOSITION,
                Variables.S3_FORCE_PATH_STYLE, Variables.AWS_ENDPOINT_URL_S3, Variables.LINK_SIGNING_SECRET_ARN,
                Variables.AWS_USE_FIPS_ENDPOINT, Variables.AWS_USE_DUALSTACK_ENDPOINT);
    }
}
