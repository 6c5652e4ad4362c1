package dev.s3notify.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.support.Backoff;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.support.Sleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** One signed AWS JSON 1.1 call against a loopback server playing SSM and Secrets Manager. */
class SignedJsonCallTest {
    private static final String ACCESS_KEY = "ASIAEXAMPLELOOPBACK1";
    private static final String SECRET_KEY = "loopbackSecretKey/0123456789EXAMPLEKEY";
    private static final String TOKEN = "IQoJloopback-session-token+0123456789=";
    private static final String VALUE = "https://hooks.example/services/T0/B0/planted-secret-value-77";
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/"
            + "([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

    private HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private final AwsFixtures.RecordingSleeper sleeper = new AwsFixtures.RecordingSleeper();

    private record Received(String method, String path, Map<String, String> headers, byte[] body) {
    }

    private record Answer(int status, String body, Map<String, String> headers) {
        static Answer of(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers,
                exchange.getRequestBody().readAllBytes()));
        Answer answer = answers.isEmpty() ? Answer.of(500, "{\"__type\":\"NoAnswerPlanned\"}")
                : answers.size() == 1 ? answers.get(0) : answers.remove(0);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private AwsSession session() {
        return AwsSession.create(Map.of("AWS_REGION", "eu-west-1"), new Settings(Map.of("AWS_REGION", "eu-west-1")),
                StaticCredentialsProvider.create(AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, TOKEN)));
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private SignedJsonCall call(String signingName, String prefix) {
        return call(session(), endpoint(), signingName, prefix, Duration.ofSeconds(4), Duration.ofSeconds(10));
    }

    private SignedJsonCall call(AwsSession session, URI endpoint, String signingName, String prefix,
            Duration attempt, Duration whole) {
        return new SignedJsonCall(session, () -> endpoint, signingName, prefix, attempt, whole,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(20), 3, sleeper, AwsFixtures.fraction(0.5)));
    }

    @Test
    void getParameterIsOneValidlySignedPostForSsmWithItsTargetAndBody() throws Exception {
        answers.add(Answer.of(200, "{\"Parameter\":{\"Name\":\"/hook\",\"Value\":\"x\"}}"));
        byte[] body = AwsJson.object("Name", "/s3-notify/webhook", "WithDecryption", true);

        byte[] answer = call("ssm", "AmazonSSM").call("GetParameter", body);

        assertThat(new String(answer, StandardCharsets.UTF_8)).contains("\"Value\":\"x\"");
        Received request = received.remove();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.headers()).containsEntry("X-Amz-Target", "AmazonSSM.GetParameter")
                .containsEntry("Content-Type", "application/x-amz-json-1.1")
                .containsEntry("X-Amz-Security-Token", TOKEN);
        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"Name\":\"/s3-notify/webhook\",\"WithDecryption\":true}");
        assertValidSignature(request, "eu-west-1", "ssm");
        assertThat(received).isEmpty();
    }

    @Test
    void getSecretValueIsSignedForSecretsManager() throws Exception {
        answers.add(Answer.of(200, "{\"SecretString\":\"s\"}"));

        call("secretsmanager", "secretsmanager").call("GetSecretValue", AwsJson.object("SecretId", "hook"));

        Received request = received.remove();
        assertThat(request.headers()).containsEntry("X-Amz-Target", "secretsmanager.GetSecretValue");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"SecretId\":\"hook\"}");
        assertValidSignature(request, "eu-west-1", "secretsmanager");
    }

    @Test
    void aTamperedRequestFailsTheSignatureCheck() throws Exception {
        // The check itself can fail: the same request with one byte of its body changed no longer verifies.
        answers.add(Answer.of(200, "{}"));
        call("ssm", "AmazonSSM").call("GetParameter", AwsJson.object("Name", "/a"));
        Received request = received.remove();
        Received tampered = new Received(request.method(), request.path(), request.headers(),
                "{\"Name\":\"/b\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> assertValidSignature(tampered, "eu-west-1", "ssm")).isInstanceOf(AssertionError.class);
    }

    @Test
    void errorAnswersBecomeTheSdksServiceExceptionWithAwsCodeAndMessage() {
        answers.add(Answer.of(400, "{\"__type\":\"com.amazonaws.ssm#ParameterNotFound:http://internal.amazon.com/\","
                + "\"message\":\"Parameter /hook not found.\"}"));

        assertThatThrownBy(() -> call("ssm", "AmazonSSM").call("GetParameter", AwsJson.object("Name", "/hook")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ParameterNotFound");
                    assertThat(AwsErrors.describe(e)).isEqualTo("ParameterNotFound (HTTP 400): Parameter /hook not"
                            + " found.");
                    assertThat(AwsErrors.refused(e)).isTrue();
                });
        assertThat(received).hasSize(1);
    }

    @Test
    void errorCodeFromTheHeaderAndMessageWithACapitalM() {
        answers.add(new Answer(400, "{\"Message\":\"Secrets Manager can't find the specified secret.\"}",
                Map.of("x-amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/")));

        assertThatThrownBy(() -> call("secretsmanager", "secretsmanager").call("GetSecretValue",
                AwsJson.object("SecretId", "x")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(AwsErrors.describe(e))
                        .isEqualTo("ResourceNotFoundException (HTTP 400): Secrets Manager can't find the specified"
                                + " secret."));
    }

    @Test
    void anErrorAnswerThatIsNotJsonStillGivesItsStatus() {
        answers.add(Answer.of(403, "<html>forbidden by a proxy</html>"));

        assertThatThrownBy(() -> call("ssm", "AmazonSSM").call("GetParameter", AwsJson.object("Name", "/hook")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(AwsErrors.describe(e))
                        .isEqualTo("error (HTTP 403)"));
    }

    @Test
    void throttlingIsRetriedWithFullJitterThenSucceeds() {
        answers.add(Answer.of(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"));
        answers.add(Answer.of(200, "{\"Parameter\":{\"Value\":\"v\"}}"));

        byte[] answer = call("ssm", "AmazonSSM").call("GetParameter", AwsJson.object("Name", "/hook"));

        assertThat(new String(answer, StandardCharsets.UTF_8)).contains("\"v\"");
        assertThat(received).hasSize(2);
        // Half of the first ceiling (100 ms), as the fixed jitter source draws.
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void serverErrorsAreRetriedUpToThreeAttempts() {
        answers.add(Answer.of(500, "{\"__type\":\"InternalServerError\"}"));
        answers.add(Answer.of(503, "{\"__type\":\"ServiceUnavailable\"}"));
        answers.add(Answer.of(200, "{\"SecretString\":\"s\"}"));

        call("secretsmanager", "secretsmanager").call("GetSecretValue", AwsJson.object("SecretId", "x"));

        assertThat(received).hasSize(3);
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void aServerErrorEveryTimeFailsAfterThreeAttemptsWithTheLastAnswer() {
        answers.add(Answer.of(500, "{\"__type\":\"InternalServerError\",\"message\":\"try later\"}"));

        assertThatThrownBy(() -> call("ssm", "AmazonSSM").call("GetParameter", AwsJson.object("Name", "/h")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(AwsErrors.describe(e))
                        .isEqualTo("InternalServerError (HTTP 500): try later"));
        assertThat(received).hasSize(3);
    }

    @Test
    void accessDeniedIsNotRetried() {
        answers.add(Answer.of(400, "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized\"}"));

        assertThatThrownBy(() -> call("ssm", "AmazonSSM").call("GetParameter", AwsJson.object("Name", "/h")))
                .isInstanceOf(AwsServiceException.class);
        assertThat(received).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersIsBoundedByTheCallsDeadline() throws Exception {
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            // A real sleeper here: the waits count against the call's time.
            SignedJsonCall call = new SignedJsonCall(session(), () -> endpoint, "ssm", "AmazonSSM",
                    Duration.ofMillis(300), Duration.ofMillis(800), new Backoff(Duration.ofMillis(100),
                            Duration.ofSeconds(20), 3, Sleeper.THREAD, AwsFixtures.fraction(0.5)));
            long started = System.nanoTime();

            assertThatThrownBy(() -> call.call("GetParameter", AwsJson.object("Name", "/h")))
                    .isInstanceOfSatisfying(ApiCallTimeoutException.class, e -> assertThat(AwsErrors.describe(e))
                            .startsWith("no answer in time"));

            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            // Each attempt ends at 300 ms (the socket's own timeout is 4 s), the call before 800 ms and a bit.
            assertThat(tookMillis).isBetween(300L, 2_000L);
            assertThat(held).hasSizeBetween(1, 3);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void noCredentialsToSignWithIsNotRetried() {
        int[] asked = {0};
        AwsSession none = AwsSession.create(Map.of(), new Settings(Map.of()), () -> {
            asked[0]++;
            throw SdkClientException.create("Unable to load credentials from any of the providers");
        });

        assertThatThrownBy(() -> call(none, endpoint(), "ssm", "AmazonSSM", Duration.ofSeconds(4),
                Duration.ofSeconds(10)).call("GetParameter", AwsJson.object("Name", "/h")))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("Unable to load credentials");
        assertThat(asked[0]).isEqualTo(1);
        assertThat(received).isEmpty();
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void connectionRefusedIsAClientErrorInWords() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        SignedJsonCall call = call(session(), URI.create("http://127.0.0.1:" + closedPort), "ssm", "AmazonSSM",
                Duration.ofSeconds(1), Duration.ofSeconds(3));

        assertThatThrownBy(() -> call.call("GetParameter", AwsJson.object("Name", "/h")))
                .isInstanceOfSatisfying(SdkClientException.class, e -> assertThat(AwsErrors.describe(e))
                        .startsWith("connection failed"));
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void noKnownSecretNorTheValueAppearsInAnExceptionOrTheLog() {
        String quote = "request was " + VALUE + " signed by " + SECRET_KEY + " with X-Amz-Security-Token=" + TOKEN;
        answers.add(Answer.of(400, "{\"__type\":\"AccessDeniedException\",\"message\":\"" + quote + "\"}"));
        AwsSession session = session().redacting(List.of(Secret.of(VALUE)));
        StoredSecrets secrets = new StoredSecrets(call(session, endpoint(), "secretsmanager", "secretsmanager",
                Duration.ofSeconds(4), Duration.ofSeconds(10)), call(session, endpoint(), "ssm", "AmazonSSM",
                Duration.ofSeconds(4), Duration.ofSeconds(10)));
        List<String> printed = new ArrayList<>();
        Log.debugEnabled(true);
        try (AwsFixtures.CapturedLog log = new AwsFixtures.CapturedLog()) {
            for (Runnable read : List.<Runnable>of(() -> secrets.parameter("/hook"),
                    () -> secrets.secretString("hook"))) {
                assertThatThrownBy(read::run).isInstanceOf(ConfigurationException.class)
                        .satisfies(e -> printed.add(messages(e)));
            }
            // A throttled answer quoting them too, retried (logged at debug) before it succeeds.
            answers.clear();
            answers.add(Answer.of(400, "{\"__type\":\"ThrottlingException\",\"message\":\"" + quote + "\"}"));
            answers.add(Answer.of(200, "{\"Parameter\":{\"Value\":\"" + VALUE + "\",\"Type\":\"SecureString\"}}"));
            assertThat(secrets.parameter("/hook").reveal()).isEqualTo(VALUE);
            // An answer that is not JSON, holding the value: the parser's words are never used.
            answers.clear();
            answers.add(Answer.of(200, "{\"SecretString\":\"" + VALUE + "\" trailing"));
            assertThatThrownBy(() -> secrets.secretString("hook")).isInstanceOf(S3NotifyException.class)
                    .satisfies(e -> printed.add(messages(e)));
            printed.add(log.text());
        } finally {
            Log.debugEnabled(false);
        }
        String all = String.join("\n", printed);
        assertThat(all).contains("AccessDeniedException (HTTP 400)", "SSM parameter '/hook'",
                "Secrets Manager secret 'hook'", "AWS call retried", "is not JSON");
        assertThat(all).doesNotContain(VALUE, SECRET_KEY, TOKEN);
    }

    /** The messages of an exception and all its causes, as anything printing it could show. */
    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    /**
     * Verifies SigV4 independently of the SDK: the canonical request rebuilt from what arrived (the headers it names,
     * the body's hash), the key derived from the secret key, date, region and service, and the signature compared.
     */
    private static void assertValidSignature(Received request, String region, String service) throws Exception {
        Matcher auth = AUTHORIZATION.matcher(request.headers().getOrDefault("Authorization", ""));
        assertThat(auth.matches()).as("Authorization: %s", request.headers().get("Authorization")).isTrue();
        assertThat(auth.group(1)).isEqualTo(ACCESS_KEY);
        assertThat(auth.group(3)).isEqualTo(region);
        assertThat(auth.group(4)).isEqualTo(service);
        String amzDate = request.headers().get("X-Amz-Date");
        assertThat(amzDate).startsWith(auth.group(2));
        List<String> signed = List.of(auth.group(5).split(";"));
        assertThat(signed).contains("host", "x-amz-date", "x-amz-target", "x-amz-security-token");
        StringBuilder canonical = new StringBuilder("POST\n").append(request.path()).append("\n\n");
        for (String name : signed) {
            canonical.append(name).append(':').append(request.headers().get(name).strip()).append('\n');
        }
        canonical.append('\n').append(auth.group(5)).append('\n').append(hex(sha256(request.body())));
        String scope = auth.group(2) + "/" + region + "/" + service + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), auth.group(2));
        key = hmac(hmac(hmac(key, region), service), "aws4_request");
        assertThat(hex(hmac(key, toSign))).as("signature over\n%s", canonical).isEqualTo(auth.group(6));
    }

    private static byte[] sha256(byte[] bytes) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
    }
}
