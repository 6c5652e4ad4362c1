package dev.s3notify.core.links;

import dev.s3notify.core.Link;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.config.Variables;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.support.UriEncoding;
import dev.s3notify.spi.LinkContext;
import dev.s3notify.spi.LinkGenerator;
import dev.s3notify.spi.LinkGeneratorProvider;
import dev.s3notify.spi.Variable;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Links to a public bucket or a CDN ({@code LINK_KIND=public-url}): {@code PUBLIC_BASE_URL} followed by the
 * URI-encoded key. Nothing is signed and the link does not expire.
 */
public final class PublicUrlLinkGenerator implements LinkGeneratorProvider {
    private static final String MISSING_BASE_URL = "PUBLIC_BASE_URL is required when LINK_KIND=public-url: set it"
            + " to the base URL of the public bucket or CDN the keys are appended to, such as https://files.example.com/";

    /** For {@link java.util.ServiceLoader}. */
    public PublicUrlLinkGenerator() {
    }

    @Override
    public String kind() {
        return "public-url";
    }

    @Override
    public LinkGenerator create(LinkContext context) {
        URI baseUrl = context.settings().get(Variables.PUBLIC_BASE_URL);
        if (baseUrl == null) {
            throw new ConfigurationException(MISSING_BASE_URL);
        }
        String base = baseUrl.toString();
        String prefix = base.endsWith("/") ? base : base + "/";
        return (ObjectEvent object, Instant now) -> new Link(prefix + UriEncoding.encode(object.key(), false), null);
    }

    @Override
    public List<Variable<?>> variables() {
        return List.of(Variables.PUBLIC_BASE_URL);
    }
}
