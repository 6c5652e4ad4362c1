package dev.s3notify.core.aws;

import dev.s3notify.core.Link;
import dev.s3notify.core.error.S3NotifyException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * HTML pages written to one S3 bucket and linked with a presigned GET: the queue path's index pages
 * ({@code INDEX_BUCKET}), in core's types. Private and never cached; the link is signed by the presigner's
 * credentials. Thread-safe.
 */
public final class S3Pages {
    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    /**
     * @param s3 the client, made on first use
     * @param presigner the presigner, made on first use
     * @param bucket the bucket the pages go to
     */
    public S3Pages(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /**
     * @param key the page's key
     * @param html the page
     * @param now when the link's lifetime counts from
     * @param lifetime how long the link works, 1 s to SigV4's 7 days
     * @param deadline when the invocation ends: the PUT ends before it ({@link AwsSession#within})
     * @return the presigned link to the page, expiring at {@code now + lifetime}
     * @throws AwsCallFailed when the page could not be written, or not in time
     */
    public Link put(String key, String html, Instant now, Duration lifetime, Instant deadline) {
        String call = "S3 PutObject of an index page in bucket " + bucket;
        try {
            AwsRequestOverrideConfiguration timeouts = AwsSession.within(deadline);
            s3.get().putObject(b -> b.bucket(bucket).key(key).contentType("text/html; charset=utf-8")
                    .cacheControl("private, no-store").overrideConfiguration(timeouts),
                    RequestBody.fromString(html, StandardCharsets.UTF_8));
        } catch (SdkException | S3NotifyException | java.io.UncheckedIOException e) {
            throw AwsCallFailed.of(call, e);
        }
        PresignedGetObjectRequest presigned = presigner.get().presignGetObject(b -> b.signatureDuration(lifetime)
                .getObjectRequest(g -> g.bucket(bucket).key(key)));
        return new Link(presigned.url().toString(), now.plus(lifetime));
    }
}
