package dev.s3notify.core.internal;

import dev.s3notify.core.LinkSettings;
import dev.s3notify.core.ObjectEvent;
import java.net.URI;
import java.util.regex.Pattern;

/** The URL an object is served at by S3 or by a compatible store, with its key URI-encoded as S3 signs it. */
final class S3Locations {
    /** A bucket that can be a single DNS label under a wildcard certificate; any other goes in the path. */
    private static final Pattern VIRTUAL_HOSTABLE = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[.*]");

    private S3Locations() {
    }

    /**
     * @param event the object
     * @param settings the settings (endpoint, path style, default region)
     * @return the region the object's bucket is in: the event's, else the configured one
     */
    static String region(ObjectEvent event, LinkSettings settings) {
        String region = event.region();
        return region == null || region.isBlank() ? settings.region() : region;
    }

    /**
     * @param event the object
     * @param settings the settings (endpoint, path style, default region)
     * @return the object's URL, without a query
     */
    static URI objectUrl(ObjectEvent event, LinkSettings settings) {
        return objectUrl(event.bucket(), event.key(), region(event, settings), settings.s3Endpoint(),
                settings.forcePathStyle());
    }

    /**
     * @param bucket the bucket name
     * @param key the decoded key
     * @param region the bucket's region
     * @param endpoint an endpoint override (S3Proxy, MinIO, LocalStack), or null for AWS's regional endpoint
     * @param forcePathStyle whether the bucket goes in the path even when it could be a host name
     * @return the object's URL, without a query
     */
    static URI objectUrl(String bucket, String key, String region, URI endpoint, boolean forcePathStyle) {
        String path = "/" + SigV4.encode(key, false);
        String bucketSegment = "/" + SigV4.encode(bucket, true);
        boolean pathStyle = forcePathStyle || !VIRTUAL_HOSTABLE.matcher(bucket).matches();
        if (endpoint == null) {
            String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
            return URI.create(pathStyle
                    ? "https://s3." + region + "." + domain + bucketSegment + path
                    : "https://" + bucket + ".s3." + region + "." + domain + path);
        }
        String host = endpoint.getHost();
        String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
        String basePath = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        if (pathStyle || IP_LITERAL.matcher(host).matches()) {
            return URI.create(endpoint.getScheme() + "://" + host + port + basePath + bucketSegment + path);
        }
        return URI.create(endpoint.getScheme() + "://" + bucket + "." + host + port + basePath + path);
    }
}
