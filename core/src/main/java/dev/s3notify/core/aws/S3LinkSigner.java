package dev.s3notify.core.aws;

import dev.s3notify.core.Link;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.spi.LinkSigner;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned S3 GET links made by the SDK's {@link S3Presigner}: the SDK picks the host (FIPS, dual-stack, every
 * partition's DNS suffix, path style, S3 Express directory buckets) and signs. One presigner per region, made on
 * first use; presigning makes no network call. Thread-safe.
 */
public final class S3LinkSigner implements LinkSigner {
    private final AwsSession session;
    private final AwsCredentialsProvider signWith;
    private final URI endpoint;
    private final boolean pathStyle;
    private final Map<String, S3Presigner> presigners;

    /**
     * @param session region, endpoints flags
     * @param signWith the credentials links are signed with (the session's, or long-term signing keys)
     * @param endpoint the S3 endpoint override ({@code AWS_ENDPOINT_URL_S3}), or null for AWS's own
     * @param pathStyle whether the bucket goes in the path ({@code S3_FORCE_PATH_STYLE})
     */
    public S3LinkSigner(AwsSession session, AwsCredentialsProvider signWith, URI endpoint, boolean pathStyle) {
        this(session, signWith, endpoint, pathStyle, new ConcurrentHashMap<>());
    }

    private S3LinkSigner(AwsSession session, AwsCredentialsProvider signWith, URI endpoint, boolean pathStyle,
            Map<String, S3Presigner> presigners) {
        this.session = session;
        this.signWith = signWith;
        this.endpoint = endpoint;
        this.pathStyle = pathStyle;
        this.presigners = presigners;
    }

    /**
     * @param credentials other credentials to sign with (placeholder keys for priming, long-term signing keys)
     * @return a signer sharing this one's presigners, so that priming with placeholder keys warms the very
     *     presigner later links are made with
     */
    public S3LinkSigner signingWith(AwsCredentialsProvider credentials) {
        return new S3LinkSigner(session, credentials, endpoint, pathStyle, presigners);
    }

    @Override
    public Link presign(ObjectEvent object, String contentDisposition, Duration expiration, Instant now) {
        return presign(object, contentDisposition, expiration, now, credentials());
    }

    /**
     * A link that claims no longer than it works: signed for at most as long as the credentials that sign it last
     * (whole seconds, rounded down, at least one), where {@link #presign} signs for the whole expiration and
     * reports the credentials' end as the link's expiry.
     *
     * @param object the object
     * @param expiration how long the link should work, 1 s to SigV4's 7 days
     * @param now when the link's lifetime counts from
     * @return the link, its {@code X-Amz-Expires} and expiry no later than the signing credentials' end
     */
    public Link presignNoLongerThanSigner(ObjectEvent object, Duration expiration, Instant now) {
        AwsCredentials credentials = credentials();
        Instant credentialsEnd = credentials.expirationTime().orElse(null);
        Duration lifetime = expiration;
        if (credentialsEnd != null && credentialsEnd.isBefore(now.plus(expiration))) {
            lifetime = Duration.ofSeconds(Math.max(1, Duration.between(now, credentialsEnd).getSeconds()));
        }
        return presign(object, null, lifetime, now, credentials);
    }

    private Link presign(ObjectEvent object, String contentDisposition, Duration expiration, Instant now,
            AwsCredentials credentials) {
        String region = object.region() == null || object.region().isBlank() ? session.region() : object.region();
        GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(object.bucket()).key(object.key())
                .versionId(object.versionId()).responseContentDisposition(contentDisposition)
                // The credentials resolved above sign, so that the expiry reported is theirs.
                .overrideConfiguration(o -> o.credentialsProvider(StaticCredentialsProvider.create(credentials)));
        String url;
        try {
            url = presigner(region).presignGetObject(p -> p.signatureDuration(expiration)
                    .getObjectRequest(get.build())).url().toString();
        } catch (SdkException | IllegalArgumentException e) {
            throw new S3NotifyException("Cannot presign a link to s3://" + object.bucket() + "/" + object.key()
                    + " in " + region + ": " + AwsErrors.describe(e), e);
        }
        // A link dies with the credentials that signed it: report the earlier of the two as its expiry.
        Instant expiresAt = now.plus(expiration);
        Instant credentialsEnd = credentials.expirationTime().orElse(null);
        if (credentialsEnd != null && credentialsEnd.isBefore(expiresAt)) {
            expiresAt = credentialsEnd;
        }
        return new Link(url, expiresAt);
    }

    private AwsCredentials credentials() {
        try {
            return signWith.resolveCredentials();
        } catch (SdkException e) {
            ConfigurationException none = new ConfigurationException(AwsErrors.noCredentials());
            none.initCause(e);
            throw none;
        }
    }

    private S3Presigner presigner(String region) {
        return presigners.computeIfAbsent(region, r -> {
            // Every presign passes the credentials it signs with; the presigner's own provider is never asked.
            S3Presigner.Builder builder = S3Presigner.builder().region(Region.of(r))
                    .credentialsProvider(session.credentials())
                    .fipsEnabled(session.fips()).dualstackEnabled(session.dualstack())
                    // A directory bucket's session would end the link within 5 minutes: sign with the
                    // credentials themselves, which the SDK then scopes to the s3express service.
                    .disableS3ExpressSessionAuth(true)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            return builder.build();
        });
    }

    @Override
    public void forget() {
        if (signWith instanceof Credentials credentials) {
            credentials.forget();
        }
    }
}
