package dev.s3notify.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hostile corpus: real events (the repository's examples) taken apart field by field and put together wrong,
 * with what each must give. Each case is an input for one handler and its expectation: how many records succeed,
 * which SQS messages are reported, or the words a clear error must contain.
 */
final class HostileCorpus {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path EXAMPLES = Path.of(System.getProperty("repo.root", ".."), "docs", "examples");
    /** A presigned link's secrets, planted in link events: none may reach any output. */
    static final String PLANTED_SIGNATURE = "5ca1ab1e0ddba11c0ffee5eed5a1ad5e0ddba11c0ffee5eed5a1ad5e0ddba11c";
    static final String PLANTED_LINK = "https://example-uploads.s3.us-east-1.amazonaws.com/reports/q.pdf"
            + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAPLANTEDLINKKEY01%2F20261121%2Fus-east-1%2Fs3"
            + "%2Faws4_request&X-Amz-Security-Token=IQoJplantedLinkSessionToken&X-Amz-Signature=" + PLANTED_SIGNATURE;

    /** Which handler a case is for. */
    enum Handler { LINK_GENERATOR, DISPATCHER }

    /**
     * @param name what the case is
     * @param handler which handler takes it
     * @param input the invocation payload
     * @param succeeded how many records must be published or delivered (when no error is expected)
     * @param failedIds the SQS message ids that must be reported
     * @param error words the error must contain, or null when the invocation must succeed
     * @param template a MESSAGE_TEMPLATE for the dispatcher, or null for the default
     */
    record Case(String name, Handler handler, byte[] input, int succeeded, List<String> failedIds, String error,
            String template) {
    }

    private final List<Case> cases = new ArrayList<>();

    static List<Case> all() {
        HostileCorpus corpus = new HostileCorpus();
        corpus.s3Events();
        corpus.linkEvents();
        corpus.bytes();
        corpus.batches();
        corpus.templates();
        return List.copyOf(corpus.cases);
    }

    // ---- link generator: S3 events ----

    private void s3Events() {
        String[] goodRegions = {"us-east-1", "us-gov-west-1", "eu-isoe-west-1", "ap-southeast-7"};
        String[] badRegions = {"evil.example#", "x@evil.example", "us-\u0435ast-1", "us east 1", "us-east-1\r\nX: 1",
            "US-EAST-1", "us-east-1.evil.example", "us-east-1/../x", "a", "us-east-1\u202E", "us-east-1\u0000"};
        String[] goodBuckets = {"example-uploads", "my.bucket-1", "Legacy_Bucket", "b"};
        String[] badBuckets = {"evil.example#", "b@evil", "bucket/../x", "-bucket", "bu cket", "b\u00fcket", "a..b",
            "x".repeat(300), "b\u202Ee", "b\u001b[2J"};
        for (boolean bridge : new boolean[] {true, false}) {
            String kind = bridge ? "eventbridge " : "notification ";
            String regionPath = bridge ? "/region" : "/Records/0/awsRegion";
            String bucketPath = bridge ? "/detail/bucket/name" : "/Records/0/s3/bucket/name";
            String keyPath = bridge ? "/detail/object/key" : "/Records/0/s3/object/key";
            for (String region : goodRegions) {
                s3(kind + "region " + region, bridge, e -> set(e, regionPath, region), 1, null);
            }
            for (String region : badRegions) {
                s3(kind + "hostile region", bridge, e -> set(e, regionPath, region), 0, "AWS region");
            }
            for (String bucket : goodBuckets) {
                s3(kind + "bucket " + bucket, bridge, e -> set(e, bucketPath, bucket), 1, null);
            }
            for (String bucket : badBuckets) {
                s3(kind + "hostile bucket", bridge, e -> set(e, bucketPath, bucket), 0, "S3 bucket name");
            }
            s3(kind + "1024-byte key", bridge, e -> set(e, keyPath, "k".repeat(1_024)), 1, null);
            s3(kind + "1025-byte key", bridge, e -> set(e, keyPath, "k".repeat(1_025)), 0, "at most 1024 bytes");
            s3(kind + "1024-byte unicode key", bridge, e -> set(e, keyPath, bridge ? "\u00e9".repeat(512)
                    : "%C3%A9".repeat(512)), 1, null);
            s3(kind + "10 MB key", bridge, e -> set(e, keyPath, "k".repeat(10_000_000)), 0, "at most 1024 bytes");
            s3(kind + "control and bidi characters in key", bridge, e -> set(e, keyPath,
                    "a\u001b[31m\u0000b\u202Egnp.exe"), 1, null);
            s3(kind + "empty key", bridge, e -> set(e, keyPath, ""), 0, "non-empty string");
            for (String field : stringFields(bridge)) {
                for (String wrong : new String[] {"42", "true", "{}", "[1]"}) {
                    s3(kind + "wrong type " + wrong + " at " + field, bridge, e -> set(e, field, json(wrong)), 0,
                            field.endsWith("detail-type") ? "is not handled" : field.endsWith("source")
                                    ? "expected an S3 event" : "expected");
                }
            }
            for (String wrong : new String[] {"\"1024\"", "-1", "1.5", "{}", "true"}) {
                s3(kind + "wrong size " + wrong, bridge, e -> set(e, bridge ? "/detail/object/size"
                        : "/Records/0/s3/object/size", json(wrong)), 0, "size in bytes");
            }
        }
        s3("notification key with a bad escape", false, e -> set(e, "/Records/0/s3/object/key", "a%zz.txt"), 0,
                "form-URL-encoded");
        s3("notification key with an escape that is not UTF-8", false, e -> set(e, "/Records/0/s3/object/key",
                "a%C3%28.txt"), 0, "not UTF-8");
        s3("notification key with ten thousand escapes", false, e -> set(e, "/Records/0/s3/object/key",
                "%C3".repeat(10_000)), 0, "not UTF-8");
        s3("eventbridge key with a bad escape taken as it is", true, e -> set(e, "/detail/object/key", "a%zz.txt"),
                1, null);
        s3("eventbridge without detail-type", true, e -> ((ObjectNode) e).remove("detail-type"), 0,
                "detail-type (missing) is not handled");
        s3("eventbridge detail-type null", true, e -> set(e, "/detail-type", json("null")), 0, "is not handled");
        s3("eventbridge detail-type Object ACL Updated", true, e -> set(e, "/detail-type", "Object ACL Updated"), 0,
                "is not handled");
        s3("eventbridge detail deeply nested", true, e -> set(e, "/detail", nested(900)), 0, "expected");
        s3("notification with an unhandled eventName", false, e -> set(e, "/Records/0/eventName",
                "ObjectTagging:Put\u001b[2J"), 0, "is not handled");
        s3("notification with no records", false, e -> set(e, "/Records", json("[]")), 0, "no records");
        s3("notification whose record is a number", false, e -> set(e, "/Records/0", json("7")), 0, "record 0");
        s3("notification time that is not ISO-8601", false, e -> set(e, "/Records/0/eventTime",
                PLANTED_LINK), 0, "ISO-8601");
    }

    private static List<String> stringFields(boolean bridge) {
        return bridge ? List.of("/detail-type", "/source", "/id", "/time", "/region", "/detail/bucket/name",
                "/detail/object/key", "/detail/object/etag", "/detail/object/sequencer", "/detail/object/version-id")
                : List.of("/Records/0/eventName", "/Records/0/awsRegion", "/Records/0/eventTime",
                        "/Records/0/s3/bucket/name", "/Records/0/s3/object/key", "/Records/0/s3/object/eTag",
                        "/Records/0/s3/object/sequencer", "/Records/0/s3/object/versionId",
                        "/Records/0/responseElements/x-amz-request-id");
    }

    private void s3(String name, boolean bridge, Consumer<JsonNode> edit, int published, String error) {
        JsonNode event = example(bridge ? "eventbridge-object-created.json" : "s3-notification-put.json");
        edit.accept(event);
        String text = event.toString();
        cases.add(new Case(name, Handler.LINK_GENERATOR, bytes(text), published, List.of(), error, null));
        // The same event in an SQS message: only that message is reported, the invocation succeeds.
        if (cases.size() % 3 == 0) {
            String batch = sqs(List.of(text, example("s3-notification-put.json").toString()), "m-");
            cases.add(new Case(name + " (in SQS)", Handler.LINK_GENERATOR, bytes(batch), published + 1,
                    error == null ? List.of() : List.of("m-0"), null, null));
        }
    }

    // ---- dispatcher: file-link-generated events ----

    private void linkEvents() {
        String[] notLinks = {"javascript:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd", "ftp://files.example/a.pdf", "http://evil.example/a.pdf",
            "https://ok.example/a) [pwn](https://evil.example/p", "//evil.example/a", "a.pdf", "",
            "https://good.example@evil.example/a.pdf", "https://ok.example/a\u202Efdp.exe",
            "https://ok.example/" + "a".repeat(20_000), "https://ok.example/a b"};
        for (String url : notLinks) {
            link("fileUrl not a link", d -> d.put("fileUrl", url), 0, url.isEmpty() ? "not a link" : "not a link");
        }
        link("fileUrl with parentheses", d -> d.put("fileUrl", "https://ok.example/a)https://evil.example/p"), 1,
                null);
        link("fileUrl http to loopback", d -> d.put("fileUrl", "http://127.0.0.1:9/a.pdf"), 1, null);
        link("unknown eventType", d -> d.put("eventType", "object-tagged"), 1, null);
        link("unknown eventType without a link", d -> d.put("eventType", "acl-changed").remove("fileUrl"), 1, null);
        link("unknown fields", d -> d.put("owner", "x").putObject("tags").put("a", "b"), 1, null);
        link("higher schemaVersion", d -> d.put("schemaVersion", "2"), 1, null);
        link("newer producer all at once", d -> d.put("schemaVersion", "7").put("eventType", "object-archived")
                .put("checksum", "abc"), 1, null);
        link("schemaVersion that is not a number", d -> d.put("schemaVersion", "v2"), 0, "schemaVersion");
        link("eventType that is a link", d -> d.put("eventType", PLANTED_LINK), 0, "eventType");
        link("eventType that is huge", d -> d.put("eventType", "x".repeat(1_000_000)), 0, "eventType");
        link("timestamp that is a link", d -> d.put("timestamp", PLANTED_LINK), 0, "ISO-8601");
        link("expiresAt that is a link", d -> d.put("expiresAt", PLANTED_LINK), 0, "ISO-8601");
        link("no bucket", d -> d.remove("bucket"), 0, "bucket");
        link("no fileName nor key", d -> d.remove(List.of("fileName", "key")), 0, "neither fileName nor key");
        link("S3 event detail sent to the dispatcher", d -> d.putObject("bucket").put("name", "x"), 0,
                "must be a string");
        link("control and bidi characters in the name", d -> d.put("fileName", "\u001b[2J\u202Egnp.exe\u0000@everyone"),
                1, null);
        link("mentions in every text", d -> d.put("fileName", "@everyone <!channel> <@&1>").put("bucket",
                "@here").put("key", "<at>Boss</at>"), 1, null);
        link("a 1 MB file name", d -> d.put("fileName", "n".repeat(1_000_000)), 1, null);
        for (String field : List.of("fileName", "fileUrl", "bucket", "expirationTime", "timestamp", "schemaVersion",
                "key", "etag", "versionId", "eventType", "eventTime", "expiresAt", "region", "sourceEventId",
                "contentType")) {
            for (String wrong : new String[] {"42", "true", "{}", "[]"}) {
                // A whole-number schemaVersion is read as its text.
                boolean accepted = field.equals("schemaVersion") && wrong.equals("42");
                link("wrong type " + wrong + " for " + field, d -> d.set(field, json(wrong)), accepted ? 1 : 0,
                        accepted ? null : "must be a string");
            }
            boolean required = field.equals("bucket");
            link("null " + field, d -> d.set(field, json("null")), required ? 0 : 1, required ? "bucket" : null);
        }
        for (String wrong : new String[] {"\"big\"", "-1", "1.5", "{}"}) {
            link("wrong size " + wrong, d -> d.set("size", json(wrong)), 0, "size in bytes");
        }
        linkCase("detail that is an array", root -> ((ObjectNode) root).set("detail", json("[1,2]")), 0,
                "detail object");
        linkCase("detail nested 900 deep", root -> ((ObjectNode) root).set("detail", nested(900)), 0,
                "detail object");
    }

    private void link(String name, Consumer<ObjectNode> editDetail, int delivered, String error) {
        linkCase(name, root -> {
            ObjectNode detail = (ObjectNode) root.get("detail");
            detail.put("fileUrl", PLANTED_LINK);
            editDetail.accept(detail);
        }, delivered, error);
    }

    private void linkCase(String name, Consumer<JsonNode> edit, int delivered, String error) {
        JsonNode event = example("link-events/file-link-generated.json");
        edit.accept(event);
        String fixedError = error;
        int fixedDelivered = delivered;
        if ("must be a string".equals(error) && name.contains("schemaVersion")) {
            fixedError = "schemaVersion";
        }
        cases.add(new Case(name, Handler.DISPATCHER, bytes(event.toString()), fixedDelivered, List.of(), fixedError,
                null));
    }

    // ---- bytes that are not one JSON object ----

    private void bytes() {
        byte[] s3 = bytes(example("eventbridge-object-created.json").toString());
        byte[] link = bytes(example("link-events/file-link-generated.json").toString());
        for (int cut : new int[] {0, 1, 2, 17, 64, 100, 250, 400, s3.length - 1}) {
            cases.add(new Case("S3 event truncated to " + cut + " bytes", Handler.LINK_GENERATOR,
                    java.util.Arrays.copyOf(s3, cut), 0, List.of(), cut == 0 ? "it is empty" : "not valid JSON", null));
        }
        for (int cut : new int[] {1, 50, 300, link.length - 1}) {
            cases.add(new Case("link event truncated to " + cut + " bytes", Handler.DISPATCHER,
                    java.util.Arrays.copyOf(link, cut), 0, List.of(), "not valid JSON", null));
        }
        for (Handler handler : Handler.values()) {
            byte[] one = handler == Handler.LINK_GENERATOR ? s3 : link;
            String what = handler == Handler.LINK_GENERATOR ? "S3 event" : "link event";
            cases.add(new Case(what + " twice in one file", handler, concat(one, bytes("\n"), one), 0, List.of(),
                    "more than one JSON value", null));
            cases.add(new Case(what + " nested 5000 deep", handler, bytes("[".repeat(5_000) + "]".repeat(5_000)), 0,
                    List.of(), "nested too deeply", null));
            cases.add(new Case(what + " with invalid UTF-8", handler, concat(bytes("{\"a\":\""), new byte[] {
                (byte) 0xC3, (byte) 0x28, (byte) 0xFF}, bytes("\"}")), 0, List.of(), "UTF-8", null));
            cases.add(new Case(what + " with a raw control character", handler, bytes("{\"a\":\"\u0001\"}"), 0,
                    List.of(), "control character", null));
            cases.add(new Case(what + " as a bare word", handler, bytes(PLANTED_LINK), 0, List.of(),
                    "not valid JSON", null));
            cases.add(new Case(what + " as a number", handler, bytes("42"), 0, List.of(), "found a", null));
            cases.add(new Case(what + " as null", handler, bytes("null"), 0, List.of(), "found", null));
            cases.add(new Case(what + " as a string", handler, bytes("\"hello\""), 0, List.of(), "found", null));
            cases.add(new Case(what + " as an empty object", handler, bytes("{}"), 0, List.of(),
                    handler == Handler.LINK_GENERATOR ? "found an empty object" : "missing the field 'bucket'", null));
        }
    }

    // ---- batches ----

    private void batches() {
        String s3 = example("s3-notification-put.json").toString();
        String link = example("link-events/file-link-generated.json").toString();
        String badLink = link.replace("\"created\"", "\"NOT A TYPE\"");
        cases.add(new Case("SQS batch with a null messageId", Handler.LINK_GENERATOR, bytes("{\"Records\":["
                + "{\"messageId\":\"m-1\",\"eventSource\":\"aws:sqs\",\"body\":" + quoted(s3) + "},"
                + "{\"messageId\":null,\"eventSource\":\"aws:sqs\",\"body\":" + quoted(s3) + "}]}"), 0, List.of(),
                "expected messageId", null));
        cases.add(new Case("SQS batch of link events with a null messageId", Handler.DISPATCHER,
                bytes("{\"Records\":[{\"messageId\":\"m-1\",\"eventSource\":\"aws:sqs\",\"body\":" + quoted(link)
                        + "},{\"eventSource\":\"aws:sqs\",\"body\":" + quoted(link) + "}]}"), 0, List.of(),
                "expected messageId", null));
        cases.add(new Case("SQS message whose body is not JSON", Handler.LINK_GENERATOR, bytes(sqs(List.of(s3,
                "\u001b[2J not json " + PLANTED_LINK), "b-")), 1, List.of("b-1"), null, null));
        cases.add(new Case("SQS message whose body is an SNS subscription confirmation", Handler.LINK_GENERATOR,
                bytes(sqs(List.of("{\"Type\":\"SubscriptionConfirmation\",\"Message\":\"x\"}", s3), "c-")), 1,
                List.of("c-0"), null, null));
        List<String> tenThousand = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            tenThousand.add(i == 4_321 ? s3.replace("\"awsRegion\":\"us-west-2\"", "\"awsRegion\":\"evil.example#\"")
                    : s3);
        }
        cases.add(new Case("SQS batch of 10,000 messages, one hostile", Handler.LINK_GENERATOR,
                bytes(sqs(tenThousand, "t-")), 9_999, List.of("t-4321"), null, null));
        cases.add(new Case("one notification with 10,000 records", Handler.LINK_GENERATOR,
                bytes(records(s3, 10_000)), 10_000, List.of(), null, null));
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            links.add(i % 10 == 3 ? badLink : link);
        }
        cases.add(new Case("SQS batch of 50 link events, five hostile", Handler.DISPATCHER, bytes(sqs(links, "l-")),
                45, List.of("l-3", "l-13", "l-23", "l-33", "l-43"), null, null));
    }

    // ---- templates ----

    private void templates() {
        template("sections nested 5000 deep", "{{#hasLink}}".repeat(5_000) + "{{/hasLink}}".repeat(5_000),
                "characters long");
        template("sections nested 300 deep", "{{#hasLink}}".repeat(300) + "x" + "{{/hasLink}}".repeat(300),
                "levels deep");
        template("sections nested 7 deep", "{{#hasLink}}".repeat(7) + "x" + "{{/hasLink}}".repeat(7), "levels deep");
        template("a pragma", "{{%FOO}} {{fileName}}", "pragma");
        template("a valid delimiter change", "{{=<% %>=}}<% fileName %> in <% bucket %>", null);
        template("printf", "New file: %s %s", "printf style");
        template("a partial", "{{> /etc/passwd}}", "partials");
        template("an unknown name", "{{filename}}", "which no event has");
        template("an unclosed section", "{{#hasLink}}x", "not a valid Mustache template");
        template("an unclosed tag", "{{fileName", "not a valid Mustache template");
        template("a huge template", "x".repeat(100_000), "characters long");
        template("300 tags", "{{fileName}}".repeat(300), "tags");
        template("control and bidi characters", "\u001b[2J\u202E{{fileName}}\u0000", null);
        template("mentions", "@everyone {{fileName}} <!channel>", null);
        template("every name", String.join(" ", List.of("{{fileName}}", "{{key}}", "{{{fileUrl}}}", "{{bucket}}",
                "{{size}}", "{{sizeText}}", "{{expirationTime}}", "{{eventType}}", "{{other}}")), null);
    }

    private void template(String name, String template, String error) {
        cases.add(new Case("template: " + name, Handler.DISPATCHER, bytes(example(
                "link-events/file-link-generated.json").toString()), error == null ? 1 : 0, List.of(), error,
                template));
    }

    // ---- helpers ----

    private static String sqs(List<String> bodies, String idPrefix) {
        ArrayNode records = JSON.createArrayNode();
        for (int i = 0; i < bodies.size(); i++) {
            records.addObject().put("messageId", idPrefix + i).put("eventSource", "aws:sqs")
                    .put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:q").put("body", bodies.get(i));
        }
        return "{\"Records\":" + records + "}";
    }

    private static String records(String notification, int count) {
        JsonNode record = json(notification).get("Records").get(0);
        ArrayNode records = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            ObjectNode copy = record.deepCopy();
            ((ObjectNode) copy.at("/s3/object")).put("key", "batch/file-" + i + ".txt")
                    .put("sequencer", String.format("%016X", i));
            records.add(copy);
        }
        return "{\"Records\":" + records + "}";
    }

    private static JsonNode nested(int depth) {
        return json("[".repeat(depth) + "]".repeat(depth));
    }

    private static String quoted(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }

    static void set(JsonNode root, String pointer, Object value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String field = pointer.substring(slash + 1);
        JsonNode node = value instanceof JsonNode json ? json : JSON.getNodeFactory().textNode((String) value);
        if (parent instanceof ObjectNode object) {
            object.set(field, node);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(field), node);
        } else {
            throw new IllegalArgumentException("no parent for " + pointer);
        }
    }

    static JsonNode example(String name) {
        try {
            return JSON.readTree(Files.readAllBytes(EXAMPLES.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
