package dev.s3notify.spi;

import dev.s3notify.core.config.Settings;
import dev.s3notify.core.config.Variables;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The validated settings of the link generator function, handed to every {@link dev.s3notify.spi.LinkGenerator}.
 *
 * @param kind the selected link kind ({@code LINK_KIND})
 * @param expiration how long a link works ({@code URL_EXPIRATION_SECONDS})
 * @param contentDisposition what a click does ({@code LINK_CONTENT_DISPOSITION})
 * @param publicBaseUrl base of public links ({@code PUBLIC_BASE_URL}), or null
 * @param s3Endpoint the S3 endpoint override, or null for AWS's regional endpoints
 * @param forcePathStyle whether the bucket goes in the path ({@code S3_FORCE_PATH_STYLE})
 * @param region the default region, for events that name none
 * @param headObject when HeadObject is called ({@code HEAD_OBJECT})
 * @param signer presigns S3 links with the signing credentials (what {@code s3-presigned} uses)
 * @param own the validated values of the selected kind's own {@code variables()}
 */
public record LinkSettings(
        String kind,
        Duration expiration,
        ContentDisposition contentDisposition,
        URI publicBaseUrl,
        URI s3Endpoint,
        boolean forcePathStyle,
        String region,
        HeadObjectMode headObject,
        LinkSigner signer,
        KindSettings own) {

    /** What a click on the link does. */
    public enum ContentDisposition {
        /** Download under the file's own name ({@code Content-Disposition: attachment; filename*=...}). */
        ATTACHMENT,
        /** Let the browser display it when it can. */
        INLINE,
        /** Leave the object's stored Content-Disposition alone. */
        NONE
    }

    /** When the link generator calls HeadObject. */
    public enum HeadObjectMode {
        /** Only when an EventBridge key's URL-encoding is ambiguous. */
        AUTO,
        /** For every object: settles the key and fills in content type and size. */
        ALWAYS,
        /** Never; an ambiguous key is taken as decoded. */
        NEVER
    }

    /** Rejects missing values. */
    public LinkSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expiration, "expiration");
        Objects.requireNonNull(contentDisposition, "contentDisposition");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(headObject, "headObject");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(own, "own");
    }

    /**
     * Reads the common link settings, recording problems in {@code settings} (call {@link Settings#validate()}).
     *
     * @param settings the environment
     * @param signer presigns S3 links
     * @return the settings, with defaults where a value was invalid
     */
    public static LinkSettings parse(Settings settings, LinkSigner signer) {
        return new LinkSettings(
                settings.get(Variables.LINK_KIND).toLowerCase(Locale.ROOT),
                Duration.ofSeconds(settings.get(Variables.URL_EXPIRATION_SECONDS)),
                ContentDisposition.valueOf(settings.get(Variables.LINK_CONTENT_DISPOSITION).toUpperCase(Locale.ROOT)),
                settings.get(Variables.PUBLIC_BASE_URL),
                Variables.endpoint(settings, Variables.AWS_ENDPOINT_URL_S3),
                settings.get(Variables.S3_FORCE_PATH_STYLE),
                Variables.region(settings),
                HeadObjectMode.valueOf(settings.get(Variables.HEAD_OBJECT).toUpperCase(Locale.ROOT)),
                signer,
                KindSettings.none());
    }

    /**
     * @param signWith the signer to presign with instead
     * @param headObjectMode when to call HeadObject instead
     * @return a copy with those two changed
     */
    public LinkSettings with(LinkSigner signWith, HeadObjectMode headObjectMode) {
        return new LinkSettings(kind, expiration, contentDisposition, publicBaseUrl, s3Endpoint, forcePathStyle,
                region, headObjectMode, signWith, own);
    }

    /**
     * @param ownSettings the selected kind's own settings
     * @return a copy carrying them
     */
    public LinkSettings withOwn(KindSettings ownSettings) {
        return new LinkSettings(kind, expiration, contentDisposition, publicBaseUrl, s3Endpoint, forcePathStyle,
                region, headObject, signer, ownSettings);
    }
}
