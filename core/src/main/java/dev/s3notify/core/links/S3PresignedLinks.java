package dev.s3notify.core.links;

import dev.s3notify.core.config.Variables;
import dev.s3notify.core.links.LinkSettings.ContentDisposition;
import dev.s3notify.spi.LinkContext;
import dev.s3notify.spi.LinkGenerator;
import dev.s3notify.spi.LinkGeneratorProvider;
import dev.s3notify.spi.Variable;
import java.time.Duration;
import java.util.List;

/**
 * The provider of {@code LINK_KIND=s3-presigned}, the default: S3 presigned GET URLs, made by
 * {@link S3PresignedLinkGenerator}.
 */
public final class S3PresignedLinks implements LinkGeneratorProvider {

    /** For {@link java.util.ServiceLoader}. */
    public S3PresignedLinks() {
    }

    @Override
    public String kind() {
        return "s3-presigned";
    }

    @Override
    public List<Variable<?>> variables() {
        return List.of(Variables.URL_EXPIRATION_SECONDS, Variables.LINK_CONTENT_DISPOSITION,
                Variables.S3_FORCE_PATH_STYLE, Variables.AWS_ENDPOINT_URL_S3, Variables.LINK_SIGNING_SECRET_ARN,
                Variables.AWS_USE_FIPS_ENDPOINT, Variables.AWS_USE_DUALSTACK_ENDPOINT);
    }

    @Override
    public LinkGenerator create(LinkContext context) {
        return new S3PresignedLinkGenerator(context.signer(),
                Duration.ofSeconds(context.settings().get(Variables.URL_EXPIRATION_SECONDS)),
                ContentDisposition.of(context.settings().get(Variables.LINK_CONTENT_DISPOSITION)));
    }
}
