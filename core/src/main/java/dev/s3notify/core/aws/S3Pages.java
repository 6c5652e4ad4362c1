package dev.s3notify.core.aws;

import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.error.S3NotifyException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * HTML pages written to one S3 bucket and linked with a presigned GET: the queue path's index pages
 * ({@code INDEX_BUCKET}), in core's types. Private and never cached; the link is signed by the signer's
 * credentials (the link-signing user's keys, else the function's role) for no longer than they last. Thread-safe.
 */
public final class S3Pages {
    private final Supplier<S3Client> s3;
    private final S3LinkSigner signer;
    private final String bucket;

    /**
     * @param s3 the client, made on first use
     * @param signer what signs the links to the pages
     * @param bucket the bucket the pages go to
     */
    public S3Pages(Supplier<S3Client> s3, S3LinkSigner signer, String bucket) {
        this.s3 = s3;
        this.signer = signer;
        this.bucket = bucket;
    }

    /**
     * @param key the page's key
     * @param html the page
     * @param now when the link's lifetime counts from
     * @param lifetime how long the link should work, 1 s to SigV4's 7 days
     * @param deadline when the invocation ends: the PUT ends before it ({@link AwsSession#within})
     * @return the presigned link to the page, expiring at {@code now + lifetime} or when the signing credentials
     *     end, whichever is first (its {@code X-Amz-Expires} says so too)
     * @throws AwsCallFailed when the page could not be written, or not in time
     * @throws dev.s3notify.core.error.S3NotifyException when it could not be linked (no signing credentials)
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
        return signer.presignNoLongerThanSigner(ObjectEvent.builder().bucket(bucket).key(key)
                .type(EventType.CREATED).build(), lifetime, now);
    }
}
