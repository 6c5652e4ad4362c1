package dev.s3notify.core.config;

import dev.s3notify.core.EventType;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.LinkSettings;
import dev.s3notify.spi.LinkSettings.ContentDisposition;
import dev.s3notify.spi.LinkSettings.HeadObjectMode;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.aws.AwsSession;
import dev.s3notify.core.aws.S3LinkSigner;
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

    public static LinkSettings s3(URI endpoint, boolean pathStyle, AwsCredentialsProvider credentials, Duration expiration,
            ContentDisposition disposition, HeadObjectMode headObject) {
        return new LinkSettings("s3-presigned", expiration, disposition, null, endpoint, pathStyle, "us-east-1",
                headObject, new S3LinkSigner(session(credentials), credentials, endpoint, pathStyle),
                KindSettings.none());
    }

    public static ObjectEvent created(String bucket, String key) {
        return event(bucket, key, null, null);
    }

    public static ObjectEvent event(String bucket, String key, String undecodedKey, String region) {
        return new ObjectEvent(bucket, key, null, null, null, EventType.CREATED, null, region, "evt-1", null,
                undecodedKey);
    }
}
