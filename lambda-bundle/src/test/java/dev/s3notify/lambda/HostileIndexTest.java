package dev.s3notify.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.support.Log;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The digest index page under hostile settings, faults and names, through the real dispatcher handler against
 * {@link FaultyAws}: names no table or bucket can have refused at cold start naming the variable; a failing index
 * bucket costs a page, never a file (split messages, one WARN); the page's link claims no longer than the earliest
 * file link it lists nor than its signer lasts; no bidirectional override reaches the page's text.
 */
class HostileIndexTest {
    private static final String BUCKET = "index-pages";
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z]\\w+Exception|software\\.amazon|java\\.lang");
    private static final Pattern INDEX_LINK = Pattern.compile("http://127\\.0\\.0\\.1:[0-9]+/" + BUCKET
            + "/digests/[^)\\s\"\\\\]+");
    private static final Pattern EXPIRES = Pattern.compile("X-Amz-Expires=([0-9]+)");
    /** Enough files with long links that Discord's embed cannot carry them all: the digest needs its index. */
    private static final int FILES = 30;

    private static Map<String, String> env(FaultyAws aws) {
        Map<String, String> env = aws.dispatcherEnvironment();
        env.put("WEBHOOK_KIND", "discord");
        env.put("INDEX_BUCKET", BUCKET);
        return env;
    }

    private static LinkEvent file(int n, String name, Instant expiresAt) {
        String key = "uploads/batch/" + name;
        return LinkEvent.builder().fileName(name).bucket("uploads").key(key).size(1000L + n)
                .fileUrl("https://uploads.s3.us-east-1.amazonaws.com/uploads/batch/"
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8) + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                        + "&X-Amz-Credential=AKIAEXAMPLE%2F20261207%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Expires="
                        + "86400&X-Amz-Signature=" + "0".repeat(64) + "&padding=" + "p".repeat(200))
                .expirationTime("24 hours").expiresAt(expiresAt).timestamp(Instant.now())
                .eventType(EventType.CREATED).eventTime(Instant.now()).region("us-east-1")
                .sourceEventId("s3-" + n + "-" + name).build();
    }

    private static List<LinkEvent> files(Instant expiresAt) {
        List<LinkEvent> files = new ArrayList<>();
        for (int n = 1; n <= FILES; n++) {
            files.add(file(n, "report-" + n + ".pdf", expiresAt));
        }
        return files;
    }

    private static byte[] batch(List<LinkEvent> files) {
        ObjectNode root = HostileCorpus.JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (int n = 0; n < files.size(); n++) {
            ObjectNode envelope = HostileCorpus.JSON.createObjectNode().put("version", "0").put("id", "eb-" + n)
                    .put("detail-type", "file-link-generated").put("source", "s3-link-generator");
            envelope.set("detail", LinkEventJson.toJson(files.get(n)));
            records.addObject().put("messageId", "m-" + n).put("receiptHandle", "r-" + n)
                    .put("body", envelope.toString()).put("eventSource", "aws:sqs")
                    .put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:links").put("awsRegion", "us-east-1");
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One invocation: what Lambda got back, and every line printed meanwhile. */
    private record Run(String response, String printed, Duration took) {
    }

    private static Run invoke(Map<String, String> env, AwsCredentialsProvider credentials, byte[] input,
            long remainingMs) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Log.redirect(capture);
        long start = System.nanoTime();
        try {
            WebhookDispatcherHandler handler = new WebhookDispatcherHandler(env, new DispatchFunction.Overrides(
                    false, null, null, null, null, credentials));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new java.io.ByteArrayInputStream(input), out, new TestContext(remainingMs));
            return new Run(out.toString(StandardCharsets.UTF_8), captured.toString(StandardCharsets.UTF_8),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            Log.redirect(System.err);
        }
    }

    private static List<String> webhookBodies(FaultyAws aws) {
        return aws.requests().stream().filter(r -> r.service().equals("Webhook")).map(FaultyAws.Request::body)
                .toList();
    }

    private static long indexExpires(FaultyAws aws) {
        List<Long> found = new ArrayList<>();
        for (String body : webhookBodies(aws)) {
            Matcher link = INDEX_LINK.matcher(body);
            while (link.find()) {
                Matcher expires = EXPIRES.matcher(link.group());
                assertThat(expires.find()).as("X-Amz-Expires in %s", link.group()).isTrue();
                found.add(Long.parseLong(expires.group(1)));
            }
        }
        assertThat(found).as("one index link delivered").isNotEmpty().containsOnly(found.get(0));
        return found.get(0);
    }

    private static AwsCredentialsProvider roleEndingIn(Duration left) {
        Instant end = Instant.now().plus(left);
        return () -> AwsSessionCredentials.builder().accessKeyId("ASIAFAULTYROLE000001")
                .secretAccessKey("faultyRoleSecretAccessKey000000000000000").sessionToken("faulty-session-token")
                .expirationTime(end).build();
    }

    // ------------------------------------------------------------------ names refused at cold start

    @ParameterizedTest
    @ValueSource(strings = {"IDEMPOTENCY_TABLE=a", "IDEMPOTENCY_TABLE=bad name!", "IDEMPOTENCY_TABLE=été",
        "IDEMPOTENCY_TABLE=300", "INDEX_BUCKET=Index_Pages", "INDEX_BUCKET=a", "INDEX_BUCKET=192.168.5.4",
        "INDEX_BUCKET=pages-s3alias", "INDEX_BUCKET=xn--pages", "INDEX_PREFIX=../", "INDEX_PREFIX=/digests/",
        "INDEX_PREFIX=a/./b/"})
    void refusesANameAwsWouldRefuseAtColdStartNamingTheVariable(String setting) {
        try (FaultyAws aws = new FaultyAws()) {
            String variable = setting.substring(0, setting.indexOf('='));
            String value = setting.substring(setting.indexOf('=') + 1);
            Map<String, String> env = env(aws);
            env.put(variable, value.equals("300") ? "t".repeat(300) : value);

            Throwable refused = catchThrowable(() -> new WebhookDispatcherHandler(env,
                    DispatchFunction.Overrides.none()));

            assertThat(refused).as(setting).isNotNull();
            assertThat(refused.getMessage()).contains(variable + "='").contains("is not valid: expected");
            assertThat(CLASS_NAME.matcher(refused.getMessage()).find()).as(refused.getMessage()).isFalse();
            assertThat(aws.requests()).as("nothing called before the names are checked").isEmpty();
        }
    }

    @Test
    void reportsEveryBadNameTogetherWithTheOtherProblems() {
        try (FaultyAws aws = new FaultyAws()) {
            Map<String, String> env = env(aws);
            env.put("IDEMPOTENCY_TABLE", "bad name!");
            env.put("INDEX_BUCKET", "Index_Pages");
            env.put("INDEX_PREFIX", "../");
            env.put("MAX_ATTEMPTS", "0");

            Throwable refused = catchThrowable(() -> new WebhookDispatcherHandler(env,
                    DispatchFunction.Overrides.none()));

            assertThat(refused.getMessage()).contains("(4 problems)").contains("IDEMPOTENCY_TABLE='bad name!'")
                    .contains("INDEX_BUCKET='Index_Pages'").contains("INDEX_PREFIX='../'").contains("MAX_ATTEMPTS='0'");
        }
    }

    // ------------------------------------------------------------------ a failing index bucket

    @ParameterizedTest
    @EnumSource(value = FaultyAws.Fault.class, names = {"ACCESS_DENIED", "MISSING", "SERVER_ERROR", "NOT_ANSWERING"})
    void deliversEveryFileInSplitMessagesWithOneWarningWhenTheIndexBucketFails(FaultyAws.Fault fault)
            throws Exception {
        try (FaultyAws aws = new FaultyAws()) {
            aws.fail("S3.PutObject", fault);
            List<LinkEvent> files = files(Instant.now().plus(Duration.ofDays(1)));

            Run run = invoke(env(aws), null, batch(files), 40_000);

            assertThat(run.response()).contains("\"batchItemFailures\":[]");
            assertThat(aws.count("S3.PutObject")).isPositive();
            List<String> bodies = webhookBodies(aws);
            assertThat(bodies).hasSizeGreaterThan(1);
            for (LinkEvent file : files) {
                assertThat(bodies.stream().filter(b -> b.contains("/" + file.key() + "?")).count())
                        .as("%s delivered once", file.fileName()).isEqualTo(1);
            }
            assertThat(String.join("", bodies)).doesNotContain("/" + BUCKET + "/");
            List<String> warnings = run.printed().lines().filter(l -> l.contains("WARN")).toList();
            String code = switch (fault) {
                case ACCESS_DENIED -> "AccessDenied";
                case MISSING -> "NoSuchBucket";
                case SERVER_ERROR -> "InternalError";
                default -> "no answer in time";
            };
            assertThat(warnings).singleElement().asString().contains("index page not written").contains(BUCKET)
                    .contains(code);
            assertThat(run.printed()).doesNotContain("ERROR");
            assertThat(CLASS_NAME.matcher(run.printed()).find()).as(run.printed()).isFalse();
            assertThat(run.took()).isLessThan(Duration.ofSeconds(40));
        }
    }

    // ------------------------------------------------------------------ index links that last as long as they say

    @Test
    void neverOutlivesTheEarliestFileLinkItLists() throws Exception {
        try (FaultyAws aws = new FaultyAws()) {
            List<LinkEvent> files = new ArrayList<>(files(Instant.now().plus(Duration.ofDays(1))));
            Instant soon = Instant.now().plusSeconds(26);
            files.set(7, file(8, "soon.pdf", soon));

            Run run = invoke(env(aws), null, batch(files), 30_000);

            assertThat(run.response()).contains("\"batchItemFailures\":[]");
            assertThat(indexExpires(aws)).isBetween(1L, Duration.between(Instant.now(), soon).getSeconds() + 1);
        }
    }

    @Test
    void claimsNoLongerThanTheRoleThatSignsItWhenNoSigningUserIsSet() throws Exception {
        try (FaultyAws aws = new FaultyAws()) {
            Instant sessionEnd = Instant.now().plus(Duration.ofHours(1));
            Run run = invoke(env(aws), roleEndingIn(Duration.ofHours(1)),
                    batch(files(Instant.now().plus(Duration.ofDays(6)))), 30_000);

            assertThat(run.response()).contains("\"batchItemFailures\":[]");
            assertThat(indexExpires(aws)).isBetween(3_500L, 3_600L);
            // The digest says the real expiry: the session's end, not the files' six days.
            Matcher until = Pattern.compile("until <t:([0-9]+):f>").matcher(String.join("", webhookBodies(aws)));
            assertThat(until.find()).isTrue();
            assertThat(Long.parseLong(until.group(1))).isBetween(sessionEnd.getEpochSecond() - 60,
                    sessionEnd.getEpochSecond());
        }
    }

    @Test
    void signsWithTheLinkSigningUserSoThatThePageLastsAsLongAsTheFilesLinks() throws Exception {
        try (FaultyAws aws = new FaultyAws()) {
            aws.secretValue("{\"accessKeyId\":\"AKIAFAULTYSIGNER0001\",\"secretAccessKey\":"
                    + "\"faultySignerSecretAccessKey0000000000000\"}");
            Map<String, String> env = env(aws);
            env.put("LINK_SIGNING_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:signer-AbCdEf");

            Run run = invoke(env, roleEndingIn(Duration.ofHours(1)),
                    batch(files(Instant.now().plus(Duration.ofDays(2)))), 30_000);

            assertThat(run.response()).contains("\"batchItemFailures\":[]");
            assertThat(indexExpires(aws)).isBetween(2 * 86_400L - 60, 2 * 86_400L);
            assertThat(String.join("", webhookBodies(aws))).contains("X-Amz-Credential=AKIAFAULTYSIGNER0001")
                    .doesNotContain("faultySignerSecretAccessKey");
            assertThat(run.printed()).doesNotContain("faultySignerSecretAccessKey");
        }
    }

    @Test
    void writesNoPageThatCouldNotWorkWhenAFileLinkHasExpiredAndDeliversEveryFileAllTheSame() throws Exception {
        try (FaultyAws aws = new FaultyAws()) {
            List<LinkEvent> files = new ArrayList<>(files(Instant.now().plus(Duration.ofDays(1))));
            files.set(3, file(4, "late.pdf", Instant.now().minus(Duration.ofHours(1))));

            Run run = invoke(env(aws), null, batch(files), 30_000);

            assertThat(run.response()).contains("\"batchItemFailures\":[]");
            assertThat(aws.count("S3.PutObject")).isZero();
            List<String> bodies = webhookBodies(aws);
            files.forEach(file -> assertThat(String.join("", bodies)).contains("/" + file.key() + "?"));
        }
    }

    // ------------------------------------------------------------------ names that read as others

    @Test
    void neutralizesBidiOverridesAndInvisibleCharactersOnTheIndexPage() throws Exception {
        try (FaultyAws aws = new FaultyAws()) {
            List<LinkEvent> files = new ArrayList<>(files(Instant.now().plus(Duration.ofDays(1))));
            files.set(0, file(1, "invoice\u202Efdp.exe", Instant.now().plus(Duration.ofDays(1))));
            files.set(1, file(2, "pay\u200Broll\u2066.pdf\u2069", Instant.now().plus(Duration.ofDays(1))));

            Run run = invoke(env(aws), null, batch(files), 30_000);

            assertThat(run.response()).as(run.printed()).contains("\"batchItemFailures\":[]");
            List<String> pages = aws.requests().stream().filter(r -> r.service().equals("S3")
                    && r.operation().equals("PutObject")).map(FaultyAws.Request::body).toList();
            assertThat(pages).singleElement().satisfies(page -> {
                assertThat(page).doesNotContain("\u202E").doesNotContain("\u200B").doesNotContain("\u2066")
                        .doesNotContain("\u2069").contains("invoice\uFFFDfdp.exe").contains("pay\uFFFDroll\uFFFD.pdf");
            });
        }
    }
}
