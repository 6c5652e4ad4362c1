package dev.s3notify.core;

import java.time.Instant;
import java.util.Objects;

/**
 * AWS credentials for SigV4. {@link #toString()} shows the access key id only.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret access key
 * @param sessionToken the session token of temporary credentials (a Lambda role), or null for long-term keys
 * @param expiration when temporary credentials stop working, or null when unknown or long-term
 */
public record AwsCredentials(String accessKeyId, Secret secretAccessKey, Secret sessionToken, Instant expiration) {

    /** Rejects a missing key id or secret. */
    public AwsCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** @return whether these are temporary (session) credentials, which end before a long link would */
    public boolean temporary() {
        return sessionToken != null;
    }

    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId + ", temporary=" + temporary() + "]";
    }
}
