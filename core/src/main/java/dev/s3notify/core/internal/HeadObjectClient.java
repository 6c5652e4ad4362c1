package dev.s3notify.core.internal;

import dev.s3notify.core.LinkSettings;
import dev.s3notify.core.S3NotifyException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** S3's HeadObject, signed with SigV4: does a key exist, and what are its size and content type. */
final class HeadObjectClient {
    /** SHA-256 of the empty body a HEAD request sends. */
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What HeadObject said about one key. */
    enum Status { FOUND, NOT_FOUND, FORBIDDEN }

    /**
     * @param status whether the key was found
     * @param size its Content-Length when found, else null
     * @param contentType its Content-Type when found, else null
     */
    record Head(Status status, Long size, String contentType) {
    }

    private final Supplier<HttpClient> http;
    private final LinkSettings settings;

    HeadObjectClient(Supplier<HttpClient> http, LinkSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /**
     * @param bucket the bucket
     * @param key the decoded key to try
     * @param versionId the version to ask for, or null for the current one
     * @param region the bucket's region
     * @param now the signing time
     * @return found (with size and type), not found (404) or forbidden (403)
     * @throws S3NotifyException for any other answer, or when S3 cannot be reached
     */
    Head head(String bucket, String key, String versionId, String region, Instant now) {
        URI url = S3Locations.objectUrl(bucket, key, region, settings.s3Endpoint(), settings.forcePathStyle());
        if (versionId != null) {
            url = URI.create(url + "?versionId=" + SigV4.encode(versionId, true));
        }
        Map<String, String> signed = SigV4.signHeaders("HEAD", url, Map.of(), EMPTY_SHA256,
                settings.credentials().credentials(), region, "s3", now);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .method("HEAD", HttpRequest.BodyPublishers.noBody());
        signed.forEach((name, value) -> {
            if (!name.equals("host")) { // HttpClient sets Host itself, exactly as signed
                request.header(name, value);
            }
        });
        HttpResponse<Void> response = send(request.build(), bucket, key);
        return switch (response.statusCode()) {
            case 200 -> new Head(Status.FOUND, response.headers().firstValueAsLong("content-length").stream()
                    .boxed().findFirst().orElse(null), response.headers().firstValue("content-type").orElse(null));
            case 404 -> new Head(Status.NOT_FOUND, null, null);
            case 403 -> new Head(Status.FORBIDDEN, null, null);
            default -> throw unexpected(response, bucket, key);
        };
    }

    private HttpResponse<Void> send(HttpRequest request, String bucket, String key) {
        try {
            return http.get().send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new S3NotifyException("HeadObject on s3://" + bucket + "/" + key + " failed: could not reach "
                    + request.uri().getHost() + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new S3NotifyException("HeadObject on s3://" + bucket + "/" + key + " was interrupted", e);
        }
    }

    private static S3NotifyException unexpected(HttpResponse<Void> response, String bucket, String key) {
        String bucketRegion = response.headers().firstValue("x-amz-bucket-region")
                .map(r -> "; the bucket is in " + r + ", so set AWS_REGION or send events that name the region")
                .orElse("");
        return new S3NotifyException("HeadObject on s3://" + bucket + "/" + key + " answered HTTP "
                + response.statusCode() + " from " + response.uri().getHost() + bucketRegion);
    }
}
