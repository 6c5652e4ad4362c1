package dev.s3notify.core.links;

import dev.s3notify.core.config.Settings;
import dev.s3notify.core.config.Variables;
import dev.s3notify.spi.LinkSigner;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The link pipeline's own settings: which kind makes links, how long they last, where they are signed, and when
 * HeadObject settles a key. Not plugin-facing: a link kind gets only what it declared, in a
 * {@link dev.s3notify.spi.LinkContext}.
 *
 * @param kind the selected link kind ({@code LINK_KIND})
 * @param expiration how long a link works ({@code URL_EXPIRATION_SECONDS}), for the event's lifetime text
 * @param region the default region, for events that name none
 * @param headObject when HeadObject is called ({@code HEAD_OBJECT})
 * @param signer presigns S3 links with the signing credentials
 */
public record LinkSettings(String kind, Duration expiration, String region, HeadObjectMode headObject,
        LinkSigner signer) {

    /** What a click on the link does ({@code LINK_CONTENT_DISPOSITION}). */
    public enum ContentDisposition {
        /** Download under the file's own name ({@code Content-Disposition: attachment; filename*=...}). */
        ATTACHMENT,
        /** Let the browser display it when it can. */
        INLINE,
        /** Leave the object's stored Content-Disposition alone. */
        NONE;

        /**
         * @param text a checked {@code LINK_CONTENT_DISPOSITION} value
         * @return its constant
         */
        public static ContentDisposition of(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
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
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(headObject, "headObject");
        Objects.requireNonNull(signer, "signer");
    }

    /**
     * Reads the pipeline's settings, recording problems in {@code settings} (call {@link Settings#validate()}).
     *
     * @param settings the environment
     * @param signer presigns S3 links
     * @return the settings, with defaults where a value was invalid
     */
    public static LinkSettings parse(Settings settings, LinkSigner signer) {
        // Checked here as well as by the kind that reads it, so that a bad value is reported with an unknown
        // LINK_KIND too; a problem recorded twice is one problem.
        settings.get(Variables.LINK_CONTENT_DISPOSITION);
        return new LinkSettings(
                settings.get(Variables.LINK_KIND).toLowerCase(Locale.ROOT),
                Duration.ofSeconds(settings.get(Variables.URL_EXPIRATION_SECONDS)),
                Variables.region(settings),
                HeadObjectMode.valueOf(settings.get(Variables.HEAD_OBJECT).toUpperCase(Locale.ROOT)),
                signer);
    }

    /**
     * @param signWith the signer to presign with instead
     * @param headObjectMode when to call HeadObject instead
     * @return a copy with those two changed
     */
    public LinkSettings with(LinkSigner signWith, HeadObjectMode headObjectMode) {
        return new LinkSettings(kind, expiration, region, headObjectMode, signWith);
    }
}
