package dev.s3notify.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.support.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The {@code file-link-generated} EventBridge event {@code send-test} posts: a realistic upload, named so that
 * whoever sees it in the channel knows it is a test. Its link points at an example bucket and does not work.
 */
final class SampleLinkEvent {
    private static final ObjectMapper MAPPER = Json.MAPPER;
    static final String KEY = "s3-notify/send-test/sample-report.pdf";

    private SampleLinkEvent() {
    }

    static byte[] created(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", "send-test-" + UUID.randomUUID());
        event.put("detail-type", "file-link-generated");
        event.put("source", "s3notify-send-test");
        event.put("time", at.toString());
        ObjectNode detail = event.putObject("detail");
        detail.put("fileName", "sample-report.pdf");
        detail.put("fileUrl", "https://example-bucket.s3.us-east-1.amazonaws.com/" + KEY);
        detail.put("bucket", "example-bucket");
        detail.put("expirationTime", "24 hours");
        detail.put("timestamp", at.toString());
        detail.put("schemaVersion", "1");
        detail.put("key", KEY);
        detail.put("size", 1_572_864L);
        detail.put("eventType", "created");
        detail.put("eventTime", at.toString());
        detail.put("expiresAt", at.plus(1, ChronoUnit.DAYS).toString());
        detail.put("region", "us-east-1");
        detail.put("sourceEventId", "s3notify-send-test");
        detail.put("contentType", "application/pdf");
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
