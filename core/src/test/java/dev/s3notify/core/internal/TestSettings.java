package dev.s3notify.core.internal;

import dev.s3notify.core.EventType;
import dev.s3notify.core.KindSettings;
import dev.s3notify.core.LinkSettings;
import dev.s3notify.core.LinkSettings.ContentDisposition;
import dev.s3notify.core.LinkSettings.HeadObjectMode;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.Settings;
import dev.s3notify.core.aws.AwsSession;
import dev.s3notify.core.aws.S3LinkSigner;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** Settings and events for tests, varied one field at a time. */
final class TestSettings {
    private TestSettings() {
    }

    static AwsSession session(AwsCredentialsProvider credentials) {
        return AwsSession.create(Map.of(), new Settings(Map.of()), credentials);
    }

    static LinkSettings s3(URI endpoint, boolean pathStyle, AwsCredentialsProvider credentials, Duration expiration,
            ContentDisposition disposition, HeadObjectMode headObject) {
        return new LinkSettings("s3-presigned", expiration, disposition, null, endpoint, pathStyle, "us-east-1",
                headObject, new S3LinkSigner(session(credentials), credentials, endpoint, pathStyle),
                KindSettings.none());
    }

    static ObjectEvent created(String bucket, String key) {
        return event(bucket, key, null, null);
    }

    static ObjectEvent event(String bucket, String key, String undecodedKey, String region) {
        return new ObjectEvent(bucket, key, null, null, null, EventType.CREATED, null, region, "evt-1", null,
                undecodedKey);
    }
}
