package dev.s3notify.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Something happened to one S3 object. Decoded from any envelope S3 events arrive in; immutable.
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

    /** Rejects a missing bucket, key or type. */
    public ObjectEvent {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        if (size != null && size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
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
        return new ObjectEvent(bucket, resolvedKey, resolvedSize != null ? resolvedSize : size, eTag, versionId, type,
                eventTime, region, sourceEventId, resolvedContentType != null ? resolvedContentType : contentType,
                null);
    }
}
