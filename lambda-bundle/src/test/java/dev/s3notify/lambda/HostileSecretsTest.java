package dev.s3notify.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.function.LinkFunction;
import dev.s3notify.core.support.Log;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every secret the process knows planted in every AWS fault (EventBridge, S3, SQS, DynamoDB, Secrets Manager, SSM
 * error bodies, from a loopback server) and in the webhook's reply, through the real handlers: nothing printed,
 * logged or thrown may hold one of them, nor a Java or SDK class name.
 */
class HostileSecretsTest {
    private static final String ACCESS_KEY = "AKIAPLANTEDFAULTKEY1";
    private static final String SECRET_KEY = "PLANTEDfaultSecretAccessKey/0123456789abc";
    private static final String SESSION_TOKEN = "IQoJPLANTEDfaultSessionToken+0123456789=";
    private static final String WEBHOOK_TOKEN = "PLANTED-fault-webhook-token-5d1e";
    private static final String HEADER_KEY = "PLANTED-fault-header-key-88";
    private static final String SIGNING_SECRET = "whsec_UExBTlRFRC1mYXVsdC1zaWduaW5nLXNlY3JldCE=";
    private static final List<String> SECRETS = List.of(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, WEBHOOK_TOKEN,
            HEADER_KEY, SIGNING_SECRET, SIGNING_SECRET.substring("whsec_".length()));
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z]\\w+Exception|software\\.amazon|java\\.lang");
    private static final String QUOTE = "request was " + String.join(" and ", SECRETS)
            + " with X-Amz-Security-Token=" + SESSION_TOKEN;
    private static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", HostileSecretsTest::answer);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** Every AWS call fails with its service's error document quoting the secrets; the webhook answers 404 so. */
    private static void answer(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        exchange.getRequestBody().readAllBytes();
        String body;
        String type;
        if (exchange.getRequestURI().getPath().startsWith("/api/webhooks/")) {
            body = "{\"message\":\"Unknown Webhook: " + QUOTE + "\",\"code\":10015}";
            type = "application/json";
        } else if (target != null && target.endsWith("GetQueueAttributes")) {
            body = "{\"Attributes\":{\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":"
                    + "\\\"arn:aws:sqs:us-east-1:123456789012:q-dlq\\\",\\\"maxReceiveCount\\\":3}\"}}";
            send(exchange, 200, "application/x-amz-json-1.0", body);
            return;
        } else if (target != null) {
            body = "{\"__type\":\"AccessDeniedException\",\"message\":\"" + QUOTE.replace("/", "\\/") + "\"}";
            type = "application/x-amz-json-1.1";
            exchange.getResponseHeaders().add("x-amzn-query-error", "AccessDenied;Sender");
        } else {
            body = "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message>" + QUOTE
                    + "</Message><RequestId>1</RequestId></Error>";
            type = "application/xml";
        }
        send(exchange, 400, type, body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void noAwsFaultNorWebhookReplyPrintsASecretOrAClassName() throws Exception {
        List<String> cases = List.of("eventbridge", "secrets-manager", "ssm", "link-signing-secret",
                "queue-dynamodb-s3-sqs");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        PrintStream err = System.err;
        StringBuilder thrown = new StringBuilder();
        List<String> leaks = new ArrayList<>();
        System.setOut(capture);
        System.setErr(capture);
        Log.redirect(capture);
        Log.debugEnabled(true);
        try {
            for (String c : cases) {
                int before = captured.size();
                try {
                    run(c);
                } catch (Exception e) {
                    thrown.append(e.getMessage()).append('\n');
                    capture.println(e.getMessage());
                }
                String printed = captured.toString(StandardCharsets.UTF_8).substring(before);
                check(c, printed, leaks);
            }
        } finally {
            Log.debugEnabled(false);
            Log.redirect(err);
            System.setOut(out);
            System.setErr(err);
        }
        System.out.printf("AWS faults: %d cases, %d secrets planted, %d leaks%n", cases.size(), SECRETS.size(),
                leaks.size());
        assertThat(leaks).isEmpty();
    }

    private static void check(String c, String printed, List<String> leaks) {
        for (String secret : SECRETS) {
            // Reading the webhook URL from Secrets Manager or SSM, the process does not know it yet.
            boolean known = !secret.equals(WEBHOOK_TOKEN) || !c.equals("secrets-manager") && !c.equals("ssm");
            if (known && (printed.contains(secret) || printed.contains(secret.replace("/", "\\/")))) {
                leaks.add(c + ": " + secret.substring(0, 14) + "…");
            }
        }
        var name = CLASS_NAME.matcher(printed);
        while (name.find()) {
            if (name.group().equals("AccessDeniedException")) {
                continue; // the error code the fake AWS answers with, quoted as AWS's word
            }
            leaks.add(c + ": class name " + name.group());
        }
    }

    private static void run(String c) throws Exception {
        switch (c) {
            case "eventbridge" -> {
                Map<String, String> env = env();
                env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", endpoint());
                LinkGeneratorHandler handler = new LinkGeneratorHandler(env, LinkFunction.Overrides.none());
                invoke(handler::handleRequest, example("s3-notification-put.json"));
            }
            case "link-signing-secret" -> {
                Map<String, String> env = env();
                env.put("LINK_SIGNING_SECRET_ARN",
                        "arn:aws:secretsmanager:us-east-1:123456789012:secret:link-keys-AbCdEf");
                new LinkGeneratorHandler(env, LinkFunction.Overrides.none());
            }
            case "secrets-manager", "ssm" -> {
                Map<String, String> env = dispatchEnv();
                env.remove("WEBHOOK_URL");
                env.put(c.equals("ssm") ? "WEBHOOK_URL_PARAMETER" : "WEBHOOK_URL_SECRET_ARN", c.equals("ssm")
                        ? "/s3-notify/webhook" : "arn:aws:secretsmanager:us-east-1:123456789012:secret:hook-AbCdEf");
                new WebhookDispatcherHandler(env, DispatchFunction.Overrides.none());
            }
            default -> {
                WebhookDispatcherHandler handler = new WebhookDispatcherHandler(dispatchEnv(),
                        DispatchFunction.Overrides.none());
                invoke(handler::handleRequest, example("link-events/sqs-batch.json"));
            }
        }
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
        env.put("AWS_REGION", "us-east-1");
        env.put("HEAD_OBJECT", "never");
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoint());
        env.put("AWS_ENDPOINT_URL_SSM", endpoint());
        // One environment for both functions: each knows every secret in it.
        env.put("WEBHOOK_URL", endpoint() + "/api/webhooks/4242/" + WEBHOOK_TOKEN);
        env.put("WEBHOOK_HEADERS", "{\"X-Api-Key\":\"" + HEADER_KEY + "\"}");
        env.put("WEBHOOK_SIGNING_SECRET", SIGNING_SECRET);
        return env;
    }

    private static Map<String, String> dispatchEnv() {
        Map<String, String> env = env();
        env.put("WEBHOOK_KIND", "generic");
        env.put("WEBHOOK_URL", endpoint() + "/api/webhooks/4242/" + WEBHOOK_TOKEN);
        env.put("WEBHOOK_HEADERS", "{\"X-Api-Key\":\"" + HEADER_KEY + "\"}");
        env.put("WEBHOOK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("MAX_ATTEMPTS", "1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "dispatcher");
        env.put("IDEMPOTENCY_TABLE", "deliveries");
        env.put("INDEX_BUCKET", "index-pages");
        env.put("S3_FORCE_PATH_STYLE", "true");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint());
        env.put("AWS_ENDPOINT_URL_SQS", endpoint());
        env.put("AWS_ENDPOINT_URL_S3", endpoint());
        return env;
    }

    private static String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private interface Invocation {
        void handle(java.io.InputStream input, java.io.OutputStream output,
                com.amazonaws.services.lambda.runtime.Context context) throws IOException;
    }

    private static void invoke(Invocation handler, byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handle(new ByteArrayInputStream(input), out, new TestContext(30_000));
        System.out.println(out.toString(StandardCharsets.UTF_8));
    }

    private static byte[] example(String name) throws IOException {
        return Files.readAllBytes(HostileCorpus.EXAMPLES.resolve(name));
    }
}
