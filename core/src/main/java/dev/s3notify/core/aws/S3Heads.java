package dev.s3notify.core.aws;

import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.input.AwsNames;
import dev.s3notify.core.text.SafeText;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3's HeadObject through the SDK's {@link S3Client}: does a key exist, and what are its size and content type. One
 * client per region, made on first use. Thread-safe.
 */
public final class S3Heads {
    /** What HeadObject said about one key. */
    public enum Status {
        /** 200. */
        FOUND,
        /** 404. */
        NOT_FOUND,
        /** 403: no permission, or no s3:ListBucket for a key that does not exist. */
        FORBIDDEN
    }

    /**
     * @param status whether the key was found
     * @param size its Content-Length when found, else null
     * @param contentType its Content-Type when found, else null
     */
    public record Head(Status status, Long size, String contentType) {
    }

    private final AwsSession session;
    private final URI endpoint;
    private final boolean pathStyle;
    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();

    /**
     * @param session region, credentials, HTTP client
     * @param endpoint the S3 endpoint override, or null for AWS's own
     * @param pathStyle whether the bucket goes in the path
     */
    public S3Heads(AwsSession session, URI endpoint, boolean pathStyle) {
        this.session = session;
        this.endpoint = endpoint;
        this.pathStyle = pathStyle;
        client(session.region());
    }

    /**
     * Runs a HeadObject call through the SDK (endpoint, marshalling, signing with placeholder keys) and stops it
     * before it is sent, so that a SnapStart snapshot holds the classes a real call loads. Resolves no credentials
     * and makes no network call.
     *
     * @param bucket a sample bucket
     * @param key a sample key
     * @param region the region whose client is primed
     */
    public void prime(String bucket, String key, String region) {
        OfflinePriming.run(() -> client(region).headObject(b -> b.bucket(bucket).key(key)
                .overrideConfiguration(OfflinePriming.offline())), "HeadObject");
    }

    /**
     * @param bucket the bucket
     * @param key the decoded key to try
     * @param versionId the version to ask for, or null for the current one
     * @param region the bucket's region
     * @param deadline when the invocation ends, or null
     * @return found (with size and type), not found (404) or forbidden (403)
     * @throws S3NotifyException for any other answer, or when S3 cannot be reached in time
     */
    public Head head(String bucket, String key, String versionId, String region, Instant deadline) {
        String call = "HeadObject on s3://" + bucket + "/" + SafeText.cut(key, SafeText.QUOTE_LIMIT) + " failed: ";
        AwsRequestOverrideConfiguration timeouts;
        try {
            timeouts = AwsSession.within(deadline);
        } catch (S3NotifyException e) {
            throw new S3NotifyException(call + e.getMessage(), e);
        }
        try {
            HeadObjectResponse response = client(region).headObject(b -> b.bucket(bucket).key(key)
                    .versionId(versionId).overrideConfiguration(timeouts));
            return new Head(Status.FOUND, response.contentLength(), response.contentType());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return new Head(Status.NOT_FOUND, null, null);
            }
            if (e.statusCode() == 403) {
                return new Head(Status.FORBIDDEN, null, null);
            }
            String bucketRegion = e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null ? ""
                    : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region")
                            .filter(AwsNames::isRegion).map(r -> "; the bucket is in " + r + ", so set AWS_REGION or send events that name the"
                                    + " region").orElse("");
            throw new S3NotifyException(call + AwsErrors.describe(e) + bucketRegion, e);
        } catch (SdkException e) {
            throw new S3NotifyException(call + AwsErrors.describe(e), e);
        } catch (UncheckedIOException e) {
            throw new S3NotifyException(call + AwsErrors.describe(AwsErrors.cutOff(e)), e);
        }
    }

    private S3Client client(String region) {
        return clients.computeIfAbsent(region, r -> session.configure(S3Client.builder(), endpoint, r)
                .forcePathStyle(pathStyle).build());
    }
}
