package dev.s3notify.core.config;

import dev.s3notify.core.EventType;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.aws.AwsSession;
import dev.s3notify.core.aws.S3LinkSigner;
import dev.s3notify.core.links.LinkSettings.ContentDisposition;
import dev.s3notify.core.links.LinkSettings.HeadObjectMode;
import dev.s3notify.core.links.LinkSettings;
import dev.s3notify.core.links.S3PresignedLinks;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.LinkContext;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** Settings and events for tests, varied one field at a time. */
public final class TestSettings {
    private TestSettings() {
    }

    public static AwsSession session(AwsCredentialsProvider credentials) {
        return AwsSession.create(Map.of(), new Settings(Map.of()), credentials);
    }

    /**
     * The link pipeline's settings and the {@code s3-presigned} kind's context, as the link function builds them.
     *
     * @param settings the pipeline's settings
     * @param context what {@code s3-presigned}'s provider creates its generator from
     */
    public record Links(LinkSettings settings, LinkContext context) {
    }

    public static Links s3(URI endpoint, boolean pathStyle, AwsCredentialsProvider credentials, Duration expiration,
            ContentDisposition disposition, HeadObjectMode headObject) {
        S3LinkSigner signer = new S3LinkSigner(session(credentials), credentials, endpoint, pathStyle);
        LinkSettings settings = new LinkSettings("s3-presigned", expiration, "us-east-1", headObject, signer);
        KindSettings own = KindSettings.of(new S3PresignedLinks().variables(), Map.of(
                "URL_EXPIRATION_SECONDS", Long.toString(expiration.toSeconds()),
                "LINK_CONTENT_DISPOSITION", disposition.name().toLowerCase(java.util.Locale.ROOT)));
        return new Links(settings, LinkContext.of(own, signer));
    }

    public static ObjectEvent created(String bucket, String key) {
        return event(bucket, key, null, null);
    }

    public static ObjectEvent event(String bucket, String key, String undecodedKey, String region) {
        return ObjectEvent.builder().bucket(bucket).key(key).type(EventType.CREATED).region(region)
                .sourceEventId("evt-1").undecodedKey(undecodedKey).build();
    }
}
