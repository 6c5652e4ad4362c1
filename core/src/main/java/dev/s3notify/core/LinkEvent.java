package dev.s3notify.core;

import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.core.support.Redact;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The detail of a {@code file-link-generated} event: what the link generator publishes and the webhook
 * dispatcher receives. Its JSON form ({@link LinkEventJson}) keeps the old system's fields ({@code fileName},
 * {@code fileUrl}, {@code bucket}, {@code expirationTime}, {@code timestamp}) and adds the rest of the model.
 * Events from the old system carry only those five; everything else is then null.
 *
 * @param schemaVersion the detail schema version, {@link #SCHEMA_VERSION} for events this code writes; null for
 *     the old system's events
 * @param fileName the file name people see (last key segment)
 * @param fileUrl the download link, or null when there is none (deleted objects); a credential, never logged
 * @param bucket the bucket
 * @param expirationTime the link lifetime as text, such as {@code "24 hours"}, or null without a link
 * @param timestamp when the link was made
 * @param key the full object key, decoded
 * @param size the size in bytes, or null
 * @param eTag the entity tag, or null
 * @param versionId the version id, or null
 * @param eventType what happened; {@link EventType#CREATED} for the old system's events
 * @param eventTime when S3 says it happened, or null
 * @param expiresAt when the link stops working, or null
 * @param region the bucket's region, or null
 * @param sourceEventId the id of the S3 event this came from, carried end to end, or null
 * @param contentType the content type when HeadObject told it, or null
 */
public record LinkEvent(
        String schemaVersion,
        String fileName,
        String fileUrl,
        String bucket,
        String expirationTime,
        Instant timestamp,
        String key,
        Long size,
        String eTag,
        String versionId,
        EventType eventType,
        Instant eventTime,
        Instant expiresAt,
        String region,
        String sourceEventId,
        String contentType) {

    /** The schema version this code writes. Bumped only for incompatible changes; fields may be added. */
    public static final String SCHEMA_VERSION = "1";

    /** Rejects a missing file name, bucket or event type. */
    public LinkEvent {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(eventType, "eventType");
    }

    /**
     * @param object the object event
     * @param link its link, or null when none is made (deletions)
     * @param lifetimeSeconds the configured link lifetime
     * @param now when the link was made
     * @return the detail to publish; its {@code expirationTime} is the time the link really has, which is less
     *     than the configured lifetime when the credentials that signed it end sooner
     */
    public static LinkEvent of(ObjectEvent object, Link link, long lifetimeSeconds, Instant now) {
        return new LinkEvent(SCHEMA_VERSION, object.fileName(), link == null ? null : link.url(), object.bucket(),
                link == null ? null : lifetime(lifetimeSeconds, link.expiresAt(), now), now, object.key(),
                object.size(), object.eTag(),
                object.versionId(), object.type(), object.eventTime(), link == null ? null : link.expiresAt(),
                object.region(), object.sourceEventId(), object.contentType());
    }

    /**
     * @param seconds a lifetime
     * @return the old system's wording: whole hours as {@code "24 hours"}, else minutes, else seconds
     */
    public static String lifetimeText(long seconds) {
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    /** The configured lifetime, or the time left before {@code expiresAt}, rounded down, when that is shorter. */
    private static String lifetime(long configuredSeconds, Instant expiresAt, Instant now) {
        long left = expiresAt == null ? configuredSeconds : Duration.between(now, expiresAt).getSeconds();
        if (left >= configuredSeconds) {
            return lifetimeText(configuredSeconds);
        }
        return left >= 3600 ? plural(left / 3600, "hour") : left >= 60 ? plural(left / 60, "minute")
                : plural(Math.max(left, 0), "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** @return the event without its link, which is a credential */
    @Override
    public String toString() {
        return "LinkEvent[bucket=" + bucket + ", key=" + (key != null ? key : fileName) + ", eventType="
                + eventType.wireName() + ", sourceEventId=" + sourceEventId + ", link="
                + (fileUrl == null ? "none" : Redact.url(fileUrl)) + "]";
    }
}
