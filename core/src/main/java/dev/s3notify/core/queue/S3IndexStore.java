package dev.s3notify.core.queue;

import dev.s3notify.core.Link;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * Index pages in S3 ({@code INDEX_BUCKET}, under {@code INDEX_PREFIX}), linked with a presigned GET that expires
 * with the files' own links (at most SigV4's 7 days; a week when the files' links do not expire). The template's
 * lifecycle rule deletes the pages after that.
 */
public final class S3IndexStore implements IndexStore {
    static final Duration LONGEST = Duration.ofDays(7);
    static final Duration SHORTEST = Duration.ofMinutes(1);

    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;
    private final String prefix;
    private final Clock clock;

    public S3IndexStore(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, String bucket, String prefix, Clock clock) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.clock = clock;
    }

    @Override
    public Link publish(String name, String html, Instant expiresAt) {
        String key = prefix + name;
        s3.get().putObject(b -> b.bucket(bucket).key(key).contentType("text/html; charset=utf-8")
                .cacheControl("private, no-store"), RequestBody.fromString(html, StandardCharsets.UTF_8));
        Instant now = clock.instant();
        // Whole seconds, rounded up, as SigV4's X-Amz-Expires counts them: the page expires with the files.
        Duration lifetime = expiresAt == null ? LONGEST
                : Duration.ofSeconds((Duration.between(now, expiresAt).toMillis() + 999) / 1000);
        lifetime = lifetime.compareTo(LONGEST) > 0 ? LONGEST : lifetime.compareTo(SHORTEST) < 0 ? SHORTEST : lifetime;
        Duration signed = lifetime;
        PresignedGetObjectRequest presigned = presigner.get().presignGetObject(b -> b.signatureDuration(signed)
                .getObjectRequest(g -> g.bucket(bucket).key(key)));
        return new Link(presigned.url().toString(), now.plus(signed));
    }
}
