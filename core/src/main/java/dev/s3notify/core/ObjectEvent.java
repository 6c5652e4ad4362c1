package dev.s3notify.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Something happened to one S3 object. Decoded from any envelope S3 events arrive in; immutable.
 *
 * <p>Build one with {@link #builder()} (or {@link #toBuilder()} for a changed copy), never with the canonical
 * constructor: the component list may grow, and the builder keeps working when it does.
 *
 * @param bucket the bucket name, never null
 * @param key the object key, decoded (a file named {@code my report.pdf} has the key {@code my report.pdf}), never null
 * @param size the object size in bytes, or null when the event does not carry it (deletions)
 * @param eTag the entity tag without quotes, or null
 * @param versionId the version id in a versioned bucket, or null
 * @param type what happened, never null
 * @param eventTime when S3 says it happened, or null when the event does not say
 * @param region the bucket's AWS region as the event gives it, or null
 * @param sourceEventId the id of the event that reported it (EventBridge {@code id}, S3 {@code sequencer}, SQS
 *     message id), carried end to end so duplicates can be recognised; null when the envelope has none
 * @param contentType the object's content type when known (from HeadObject), or null
 * @param undecodedKey the key exactly as received, when the envelope does not say whether it is URL-encoded and
 *     decoding changed it; null otherwise. A resolver settles which of {@code key} and this one exists.
 */
public record ObjectEvent(
        String bucket,
        String key,
        Long size,
        String eTag,
        String versionId,
        EventType type,
        Instant eventTime,
        String region,
        String sourceEventId,
        String contentType,
        String undecodedKey) {

    /**
     * Use the builder ({@link #builder()}); the component list may grow. Rejects a missing bucket, key or type and
     * a negative size.
     */
    public ObjectEvent {
        Objects.requireNonNull(bucket, "ObjectEvent needs a bucket");
        Objects.requireNonNull(key, "ObjectEvent needs a key");
        Objects.requireNonNull(type, "ObjectEvent needs a type");
        if (size != null && size < 0) {
            throw new IllegalArgumentException("ObjectEvent size must not be negative: " + size);
        }
    }

    /** @return a builder with every component null; bucket, key and type must be set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding every component of this event */
    public Builder toBuilder() {
        return new Builder().bucket(bucket).key(key).size(size).eTag(eTag).versionId(versionId).type(type)
                .eventTime(eventTime).region(region).sourceEventId(sourceEventId).contentType(contentType)
                .undecodedKey(undecodedKey);
    }

    /** @return the last path segment of the key: the file name people see */
    public String fileName() {
        String trimmed = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** @return whether the key's encoding is undecided (see {@link #undecodedKey()}) */
    public boolean keyAmbiguous() {
        return undecodedKey != null && !undecodedKey.equals(key);
    }

    /**
     * @param resolvedKey the key that was found to exist
     * @param resolvedSize its size, or null to keep the current one
     * @param resolvedContentType its content type, or null to keep the current one
     * @return a copy with the key settled and what HeadObject told filled in
     */
    public ObjectEvent resolved(String resolvedKey, Long resolvedSize, String resolvedContentType) {
        return toBuilder().key(resolvedKey).size(resolvedSize != null ? resolvedSize : size)
                .contentType(resolvedContentType != null ? resolvedContentType : contentType).undecodedKey(null)
                .build();
    }

    /**
     * Builds an {@link ObjectEvent}, one component at a time; each setter is named after the component it sets
     * (see the record's components for what each means). Not thread-safe; {@link #build()} may be called again.
     */
    public static final class Builder {
        private String bucket;
        private String key;
        private Long size;
        private String eTag;
        private String versionId;
        private EventType type;
        private Instant eventTime;
        private String region;
        private String sourceEventId;
        private String contentType;
        private String undecodedKey;

        private Builder() {
        }

        /** Sets the bucket name; required. */
        public Builder bucket(String value) {
            bucket = value;
            return this;
        }

        /** Sets the object key, decoded; required. */
        public Builder key(String value) {
            key = value;
            return this;
        }

        /** Sets the size in bytes, or null; never negative. */
        public Builder size(Long value) {
            size = value;
            return this;
        }

        /** Sets the entity tag without quotes, or null. */
        public Builder eTag(String value) {
            eTag = value;
            return this;
        }

        /** Sets the version id, or null. */
        public Builder versionId(String value) {
            versionId = value;
            return this;
        }

        /** Sets what happened; required. */
        public Builder type(EventType value) {
            type = value;
            return this;
        }

        /** Sets when S3 says it happened, or null. */
        public Builder eventTime(Instant value) {
            eventTime = value;
            return this;
        }

        /** Sets the bucket's region, or null. */
        public Builder region(String value) {
            region = value;
            return this;
        }

        /** Sets the id of the event that reported it, or null. */
        public Builder sourceEventId(String value) {
            sourceEventId = value;
            return this;
        }

        /** Sets the object's content type, or null. */
        public Builder contentType(String value) {
            contentType = value;
            return this;
        }

        /** Sets the key exactly as received when decoding changed it and the envelope does not say whether it is encoded, or null. */
        public Builder undecodedKey(String value) {
            undecodedKey = value;
            return this;
        }

        /**
         * @return the event
         * @throws NullPointerException naming the component when bucket, key or type is missing
         * @throws IllegalArgumentException when the size is negative
         */
        public ObjectEvent build() {
            return new ObjectEvent(bucket, key, size, eTag, versionId, type, eventTime, region, sourceEventId,
                    contentType, undecodedKey);
        }
    }
}
