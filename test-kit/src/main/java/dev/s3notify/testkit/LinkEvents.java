package dev.s3notify.testkit;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import java.time.Instant;

/**
 * Realistic link events for formatter tests, as builders: start from an upload, a deletion, a restore or the old
 * system's five-field event and change only what the test is about.
 *
 * <pre>{@code
 * LinkEvent event = LinkEvents.upload("reports/Q3.pdf").size(42L).build();
 * }</pre>
 *
 * <p>Every value is fixed (times are {@link #NOW} or offsets from it), so payloads built from these events can be
 * compared byte for byte with a fixture.
 */
public final class LinkEvents {
    /** When every sample link was made: 2026-11-21T17:16:21Z. */
    public static final Instant NOW = Instant.parse("2026-11-21T17:16:21Z");
    /** The bucket of every sample event but the old system's. */
    public static final String BUCKET = "example-uploads";
    /** The key {@link #upload()} uses. */
    public static final String UPLOAD_KEY = "reports/2026/Q3 report.pdf";
    /** The key {@link #deletion()} uses. */
    public static final String DELETION_KEY = "reports/2026/old draft.docx";
    /** The key {@link #restore()} uses. */
    public static final String RESTORE_KEY = "archive/2019/ledger.csv";
    /** The link of {@link #restore()}: a versioned presigned URL valid for two hours. */
    public static final String RESTORE_LINK = "https://example-uploads.s3.eu-west-1.amazonaws.com/archive/2019/ledger.csv"
            + "?versionId=IYV3p45BT0ac8hjHg1houSdS1a.Mro8e&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=7200"
            + "&X-Amz-Signature=" + "1".repeat(64);

    private LinkEvents() {
    }

    /** @return an upload of {@link #UPLOAD_KEY} with a 24-hour link; see {@link #upload(String)} */
    public static LinkEvent.Builder upload() {
        return upload(UPLOAD_KEY);
    }

    /**
     * @param key the object key; the file name is its last segment
     * @return a PDF of 1,572,864 bytes uploaded to {@link #BUCKET} in us-east-1 a second before {@link #NOW}, with
     *     a 24-hour presigned link ({@link #link(String)}), an ETag and an EventBridge event id
     */
    public static LinkEvent.Builder upload(String key) {
        return object(key).fileUrl(link(key)).expirationTime("24 hours").size(1_572_864L)
                .eTag("b1946ac92492d2347c6235b4d2611184").eventType(EventType.CREATED).eventTime(NOW.minusSeconds(1))
                .expiresAt(NOW.plusSeconds(86_400)).region("us-east-1")
                .sourceEventId("17793124-05d4-b198-2fde-7ededc63b103").contentType("application/pdf");
    }

    /** @return a deletion of {@link #DELETION_KEY}; see {@link #deletion(String)} */
    public static LinkEvent.Builder deletion() {
        return deletion(DELETION_KEY);
    }

    /**
     * @param key the object key; the file name is its last segment
     * @return the deletion of an object in {@link #BUCKET} in us-east-1 at {@link #NOW}: no link, no size
     */
    public static LinkEvent.Builder deletion(String key) {
        return object(key).eventType(EventType.DELETED).eventTime(NOW).region("us-east-1").sourceEventId("0f1e2d3c");
    }

    /** @return a restore of {@link #RESTORE_KEY} with {@link #RESTORE_LINK}; see {@link #restore(String)} */
    public static LinkEvent.Builder restore() {
        return restore(RESTORE_KEY);
    }

    /**
     * @param key the object key; the file name is its last segment
     * @return an object version restored from an archive tier in {@link #BUCKET} in eu-west-1, with a two-hour
     *     versioned link ({@link #RESTORE_LINK}, whatever the key)
     */
    public static LinkEvent.Builder restore(String key) {
        return object(key).fileUrl(RESTORE_LINK).expirationTime("2 hours").size(1_572_864L)
                .versionId("IYV3p45BT0ac8hjHg1houSdS1a.Mro8e").eventType(EventType.RESTORED)
                .eventTime(NOW.minusSeconds(5)).expiresAt(NOW.plusSeconds(7_200)).region("eu-west-1")
                .sourceEventId("a1b2c3d4");
    }

    /**
     * @return the old system's event: no schema version, only its five fields ({@code fileName}, {@code fileUrl},
     *     {@code bucket}, {@code expirationTime}, {@code timestamp}), with the key read as the file name
     */
    public static LinkEvent.Builder oldSystem() {
        return LinkEvent.builder().schemaVersion(null).fileName("test-file.pdf")
                .fileUrl("https://your-bucket-name.s3.amazonaws.com/test-file.pdf?X=1").bucket("your-bucket-name")
                .expirationTime("24 hours").timestamp(Instant.parse("2024-01-01T12:00:00Z")).key("test-file.pdf");
    }

    /**
     * @param key an object key in {@link #BUCKET}
     * @return a presigned-looking link to it, valid for 24 hours (spaces in the key written as {@code %20})
     */
    public static String link(String key) {
        return "https://" + BUCKET + ".s3.us-east-1.amazonaws.com/" + key.replace(" ", "%20")
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400&X-Amz-Signature=" + "0".repeat(64);
    }

    /** An event about {@code key} in the sample bucket, made at {@link #NOW}, with nothing else said. */
    private static LinkEvent.Builder object(String key) {
        return LinkEvent.builder().fileName(key.substring(key.lastIndexOf('/') + 1)).bucket(BUCKET).timestamp(NOW)
                .key(key);
    }
}
