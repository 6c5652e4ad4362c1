package dev.s3notify.spi;

import java.util.Objects;

/**
 * What a {@link LinkGeneratorProvider} gets to create its generator: the validated values of the variables it
 * declares in {@link LinkGeneratorProvider#variables()}, and core's S3 presigner. Nothing else of the environment
 * reaches a provider: a variable it did not declare cannot be read. A class with a factory rather than a record, so
 * that what it carries can grow (with {@code @since} methods) without breaking providers.
 *
 * @since 1
 */
public final class LinkContext {
    private final KindSettings settings;
    private final LinkSigner signer;

    private LinkContext(KindSettings settings, LinkSigner signer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /**
     * @param settings the validated values of the provider's {@code variables()}
     * @param signer presigns S3 GET links with the function's signing credentials
     * @return the context
     */
    public static LinkContext of(KindSettings settings, LinkSigner signer) {
        return new LinkContext(settings, signer);
    }

    /** @return the validated values of the provider's {@code variables()}, and only those */
    public KindSettings settings() {
        return settings;
    }

    /**
     * @return presigns S3 GET links with the function's signing credentials (its role, or the keys of
     *     {@code LINK_SIGNING_SECRET_ARN}); what {@code s3-presigned} uses, and a plugin may too
     */
    public LinkSigner signer() {
        return signer;
    }
}
