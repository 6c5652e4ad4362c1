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
 * <p>Build one with {@link #builder()} (or {@link #toBuilder()} for a changed copy), never with the canonical
 * constructor: the component list may grow, and the builder keeps working when it does.
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

    /**
     * Use the builder ({@link #builder()}); the component list may grow. Rejects a missing file name, bucket or
     * event type.
     */
    public LinkEvent {
        Objects.requireNonNull(fileName, "LinkEvent needs a fileName");
        Objects.requireNonNull(bucket, "LinkEvent needs a bucket");
        Objects.requireNonNull(eventType, "LinkEvent needs an eventType");
    }

    /** @return a builder with {@code schemaVersion} {@link #SCHEMA_VERSION}, {@code eventType} CREATED, rest null */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding every component of this event */
    public Builder toBuilder() {
        return new Builder().schemaVersion(schemaVersion).fileName(fileName).fileUrl(fileUrl).bucket(bucket)
                .expirationTime(expirationTime).timestamp(timestamp).key(key).size(size).eTag(eTag)
                .versionId(versionId).eventType(eventType).eventTime(eventTime).expiresAt(expiresAt).region(region)
                .sourceEventId(sourceEventId).contentType(contentType);
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
        return builder().fileName(object.fileName()).fileUrl(link == null ? null : link.url())
                .bucket(object.bucket())
                .expirationTime(link == null ? null : lifetime(lifetimeSeconds, link.expiresAt(), now))
                .timestamp(now).key(object.key()).size(object.size()).eTag(object.eTag())
                .versionId(object.versionId()).eventType(object.type()).eventTime(object.eventTime())
                .expiresAt(link == null ? null : link.expiresAt()).region(object.region())
                .sourceEventId(object.sourceEventId()).contentType(object.contentType()).build();
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

    /**
     * Builds a {@link LinkEvent}, one component at a time; each setter is named after the component it sets
     * (see the record's components for what each means). Not thread-safe; {@link #build()} may be called again.
     */
    public static final class Builder {
        private String schemaVersion = SCHEMA_VERSION;
        private String fileName;
        private String fileUrl;
        private String bucket;
        private String expirationTime;
        private Instant timestamp;
        private String key;
        private Long size;
        private String eTag;
        private String versionId;
        private EventType eventType = EventType.CREATED;
        private Instant eventTime;
        private Instant expiresAt;
        private String region;
        private String sourceEventId;
        private String contentType;

        private Builder() {
        }

        /** Sets the detail schema version, null for the old system's events. */
        public Builder schemaVersion(String value) {
            schemaVersion = value;
            return this;
        }

        /** Sets the file name people see; required. */
        public Builder fileName(String value) {
            fileName = value;
            return this;
        }

        /** Sets the download link, or null. */
        public Builder fileUrl(String value) {
            fileUrl = value;
            return this;
        }

        /** Sets the bucket; required. */
        public Builder bucket(String value) {
            bucket = value;
            return this;
        }

        /** Sets the link lifetime as text, or null. */
        public Builder expirationTime(String value) {
            expirationTime = value;
            return this;
        }

        /** Sets when the link was made. */
        public Builder timestamp(Instant value) {
            timestamp = value;
            return this;
        }

        /** Sets the full object key, decoded. */
        public Builder key(String value) {
            key = value;
            return this;
        }

        /** Sets the size in bytes, or null. */
        public Builder size(Long value) {
            size = value;
            return this;
        }

        /** Sets the entity tag, or null. */
        public Builder eTag(String value) {
            eTag = value;
            return this;
        }

        /** Sets the version id, or null. */
        public Builder versionId(String value) {
            versionId = value;
            return this;
        }

        /** Sets what happened; required, CREATED unless set. */
        public Builder eventType(EventType value) {
            eventType = value;
            return this;
        }

        /** Sets when S3 says it happened, or null. */
        public Builder eventTime(Instant value) {
            eventTime = value;
            return this;
        }

        /** Sets when the link stops working, or null. */
        public Builder expiresAt(Instant value) {
            expiresAt = value;
            return this;
        }

        /** Sets the bucket's region, or null. */
        public Builder region(String value) {
            region = value;
            return this;
        }

        /** Sets the id of the S3 event this came from, or null. */
        public Builder sourceEventId(String value) {
            sourceEventId = value;
            return this;
        }

        /** Sets the content type, or null. */
        public Builder contentType(String value) {
            contentType = value;
            return this;
        }

        /**
         * @return the event
         * @throws NullPointerException naming the component when fileName, bucket or eventType is missing
         */
        public LinkEvent build() {
            return new LinkEvent(schemaVersion, fileName, fileUrl, bucket, expirationTime, timestamp, key, size, eTag,
                    versionId, eventType, eventTime, expiresAt, region, sourceEventId, contentType);
        }
    }
}
