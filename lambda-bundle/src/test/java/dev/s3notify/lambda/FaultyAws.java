package dev.s3notify.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the AWS services the functions call (DynamoDB, SQS, S3, EventBridge, Secrets Manager,
 * SSM) and for a webhook, for the hostile-input suite: every call succeeds as the real service would answer it,
 * unless a {@link Fault} is set for its operation. Point the functions at it with the {@code AWS_ENDPOINT_URL_*}
 * variables ({@link #environment()}); the webhook is {@code /api/webhooks/...}. Every request is recorded.
 */
final class FaultyAws implements AutoCloseable {
    /** What an operation answers instead of success. */
    enum Fault {
        /** 500 InternalServerError (InternalFailure, InternalError). */
        SERVER_ERROR,
        /** 400 with the service's throttling code. */
        THROTTLING,
        /** 400/403 AccessDenied. */
        ACCESS_DENIED,
        /** The table, queue or bucket does not exist. */
        MISSING,
        /** Never answers (until {@link #close()}). */
        NOT_ANSWERING
    }

    /** One request as received: the service, the operation, the body. */
    record Request(String service, String operation, String path, String body, long atNanos) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-aws");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, Integer> successesBeforeFault = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final java.util.Set<String> missingQueues = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int webhookStatus = 204;
    private volatile String secretValue = "{}";
    private volatile String webhookRetryAfter;

    FaultyAws() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
    }

    /**
     * @param operation {@code Service.Operation}: {@code DynamoDB.PutItem}, {@code SQS.ChangeMessageVisibilityBatch},
     *     {@code S3.PutObject}, {@code EventBridge.PutEvents}, ..., or {@code Service.*} for all of a service's
     * @param fault what it answers
     * @return this
     */
    FaultyAws fail(String operation, Fault fault) {
        faults.put(operation, fault);
        return this;
    }

    /**
     * @param operation {@code Service.Operation} or {@code Service.*}
     * @param fault what it answers once {@code successes} requests of it have succeeded
     * @param successes how many of its requests succeed first
     * @return this
     */
    FaultyAws fail(String operation, Fault fault, int successes) {
        successesBeforeFault.put(operation, successes);
        return fail(operation, fault);
    }

    /**
     * @param operation {@code Service.Operation} or {@code Service.*}
     * @param latency how long each of its requests waits before it is answered (as a slow region would)
     * @return this
     */
    FaultyAws delay(String operation, Duration latency) {
        delays.put(operation, latency);
        return this;
    }

    /**
     * @param name a queue's name: GetQueueUrl, and any call on its URL, answer that it does not exist
     * @return this
     */
    FaultyAws missingQueue(String name) {
        missingQueues.add(name);
        return this;
    }

    /** @param status what the webhook answers (204 unless set) */
    FaultyAws webhookAnswers(int status) {
        webhookStatus = status;
        return this;
    }

    /** @param value what Secrets Manager's GetSecretValue answers as the secret's string ({@code {}} unless set) */
    FaultyAws secretValue(String value) {
        secretValue = value;
        return this;
    }

    /**
     * @param status what the webhook answers
     * @param retryAfter its {@code Retry-After} header
     * @return this
     */
    FaultyAws webhookAnswers(int status, String retryAfter) {
        webhookRetryAfter = retryAfter;
        return webhookAnswers(status);
    }

    /** @return {@code http://127.0.0.1:PORT} */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return a webhook URL on this server (a generic kind's; Discord-shaped path) */
    String webhook() {
        return endpoint() + "/api/webhooks/4242/faulty-token";
    }

    /** @return the endpoint variables pointing every AWS service here, path-style S3, and test credentials */
    Map<String, String> environment() {
        Map<String, String> env = new java.util.HashMap<>();
        for (String service : List.of("DYNAMODB", "SQS", "S3", "EVENTBRIDGE", "SECRETS_MANAGER", "SSM")) {
            env.put("AWS_ENDPOINT_URL_" + service, endpoint());
        }
        env.put("S3_FORCE_PATH_STYLE", "true");
        env.put("AWS_ACCESS_KEY_ID", "AKIAFAULTYAWS0000001");
        env.put("AWS_SECRET_ACCESS_KEY", "faultyAwsSecretAccessKey0000000000000000");
        env.put("AWS_REGION", "us-east-1");
        return env;
    }

    /**
     * @return {@link #environment()} with what the queue path of a dispatcher on Lambda has: this webhook (the generic
     *     kind), a delivery-records table, an index bucket and a function name
     */
    Map<String, String> dispatcherEnvironment() {
        Map<String, String> env = environment();
        env.put("WEBHOOK_URL", webhook());
        env.put("WEBHOOK_KIND", "generic");
        env.put("IDEMPOTENCY_TABLE", "deliveries");
        env.put("INDEX_BUCKET", "index-pages");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "dispatcher");
        return env;
    }

    /** @return every request so far */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /**
     * @param operation {@code Service.Operation}
     * @return how many requests it received
     */
    long count(String operation) {
        return requests.stream().filter(r -> operation.equals(r.service() + "." + r.operation())).count();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String path = exchange.getRequestURI().getPath();
            String service;
            String operation;
            if (path.startsWith("/api/webhooks/")) {
                service = "Webhook";
                operation = "POST";
            } else if (target != null) {
                String prefix = target.substring(0, target.indexOf('.'));
                operation = target.substring(target.indexOf('.') + 1);
                service = prefix.startsWith("DynamoDB") ? "DynamoDB" : prefix.equals("AmazonSQS") ? "SQS"
                        : prefix.equals("AWSEvents") ? "EventBridge" : prefix.equals("secretsmanager")
                        ? "SecretsManager" : prefix.equals("AmazonSSM") ? "SSM" : prefix;
            } else {
                service = "S3";
                operation = switch (exchange.getRequestMethod()) {
                    case "PUT" -> "PutObject";
                    case "HEAD" -> "HeadObject";
                    case "DELETE" -> "DeleteObject";
                    default -> "GetObject";
                };
            }
            requests.add(new Request(service, operation, path, body, System.nanoTime()));
            pause(service, operation);
            Fault fault = fault(service, operation, body);
            if (service.equals("Webhook")) {
                if (webhookRetryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", webhookRetryAfter);
                }
                send(exchange, webhookStatus, "application/json", webhookStatus == 204 ? "" : "{\"message\":\"no\"}");
            } else if (fault == null) {
                succeed(exchange, service, operation, body);
            } else {
                fail(exchange, service, fault);
            }
        }
    }

    private void pause(String service, String operation) {
        Duration latency = delays.getOrDefault(service + "." + operation, delays.get(service + ".*"));
        if (latency != null) {
            try {
                closed.await(latency.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Fault fault(String service, String operation, String body) {
        if (service.equals("SQS") && missingQueues.stream().anyMatch(q -> body.contains("\"" + q + "\"")
                || body.contains("/" + q + "\""))) {
            return Fault.MISSING;
        }
        String key = faults.containsKey(service + "." + operation) ? service + "." + operation : service + ".*";
        Integer successes = successesBeforeFault.get(key);
        if (successes != null && count(service + "." + operation) <= successes) {
            return null;
        }
        return faults.get(key);
    }

    private void succeed(HttpExchange exchange, String service, String operation, String body) throws IOException {
        String json = "application/x-amz-json-1.0";
        switch (service + "." + operation) {
            case "DynamoDB.BatchWriteItem" -> send(exchange, 200, json, "{\"UnprocessedItems\":{}}");
            case "DynamoDB.TransactWriteItems", "DynamoDB.PutItem", "DynamoDB.DeleteItem", "DynamoDB.UpdateItem" ->
                    send(exchange, 200, json, "{}");
            case "DynamoDB.GetItem" -> send(exchange, 200, json, "{}");
            case "SQS.GetQueueUrl" -> {
                Matcher name = Pattern.compile("\"QueueName\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
                send(exchange, 200, json, "{\"QueueUrl\":\"" + endpoint() + "/123456789012/"
                        + (name.find() ? name.group(1) : "queue") + "\"}");
            }
            case "SQS.ChangeMessageVisibilityBatch", "SQS.DeleteMessageBatch" -> {
                // As SQS does: each entry answered on its own; a receipt handle that is not one fails alone.
                List<String> ids = new ArrayList<>();
                List<String> failed = new ArrayList<>();
                for (com.fasterxml.jackson.databind.JsonNode entry : JSON.readTree(body).path("Entries")) {
                    String id = entry.path("Id").asText();
                    if (entry.path("ReceiptHandle").asText().startsWith("bogus")) {
                        failed.add("{\"Id\":\"" + id + "\",\"Code\":\"ReceiptHandleIsInvalid\",\"SenderFault\":true,"
                                + "\"Message\":\"The input receipt handle is invalid.\"}");
                    } else {
                        ids.add("{\"Id\":\"" + id + "\"}");
                    }
                }
                send(exchange, 200, json, "{\"Successful\":[" + String.join(",", ids) + "],\"Failed\":["
                        + String.join(",", failed) + "]}");
            }
            case "SQS.GetQueueAttributes" -> send(exchange, 200, json, "{\"Attributes\":{\"RedrivePolicy\":"
                    + "\"{\\\"deadLetterTargetArn\\\":\\\"arn:aws:sqs:us-east-1:123456789012:q-dlq\\\","
                    + "\\\"maxReceiveCount\\\":3}\"}}");
            case "SQS.SendMessage" -> {
                Matcher message = Pattern.compile("\"MessageBody\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
                String text = message.find() ? unescape(message.group(1)) : "";
                send(exchange, 200, json, "{\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\"" + md5(text) + "\"}");
            }
            case "SecretsManager.GetSecretValue" -> send(exchange, 200, "application/x-amz-json-1.1",
                    HostileCorpus.JSON.createObjectNode().put("ARN", "arn:aws:secretsmanager:us-east-1:123456789012:"
                            + "secret:s-AbCdEf").put("Name", "s").put("SecretString", secretValue).toString());
            case "EventBridge.PutEvents" -> send(exchange, 200, "application/x-amz-json-1.1",
                    "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}");
            case "S3.PutObject" -> {
                exchange.getResponseHeaders().add("ETag", "\"" + md5(body) + "\"");
                send(exchange, 200, "application/xml", "");
            }
            default -> send(exchange, 200, json, "{}");
        }
    }

    private void fail(HttpExchange exchange, String service, Fault fault) throws IOException {
        if (fault == Fault.NOT_ANSWERING) {
            try {
                closed.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        if (service.equals("S3")) {
            int status = switch (fault) {
                case SERVER_ERROR -> 500;
                case THROTTLING -> 503;
                case ACCESS_DENIED -> 403;
                default -> 404;
            };
            String code = switch (fault) {
                case SERVER_ERROR -> "InternalError";
                case THROTTLING -> "SlowDown";
                case ACCESS_DENIED -> "AccessDenied";
                default -> "NoSuchBucket";
            };
            send(exchange, status, "application/xml", "<?xml version=\"1.0\"?><Error><Code>" + code
                    + "</Code><Message>" + code + " from the faulty stand-in</Message><RequestId>r-1</RequestId>"
                    + "</Error>");
            return;
        }
        int status = fault == Fault.SERVER_ERROR ? 500 : 400;
        String code = switch (fault) {
            case SERVER_ERROR -> service.equals("DynamoDB") ? "InternalServerError" : "InternalFailure";
            case THROTTLING -> service.equals("DynamoDB") ? "ProvisionedThroughputExceededException"
                    : "ThrottlingException";
            case ACCESS_DENIED -> "AccessDeniedException";
            default -> service.equals("SQS") ? "QueueDoesNotExist" : "ResourceNotFoundException";
        };
        if (service.equals("SQS")) {
            exchange.getResponseHeaders().add("x-amzn-query-error", (fault == Fault.MISSING
                    ? "AWS.SimpleQueueService.NonExistentQueue" : code) + ";Sender");
        }
        send(exchange, status, "application/x-amz-json-1.0", "{\"__type\":\"com.amazonaws.stand-in#" + code
                + "\",\"message\":\"" + code + " from the faulty stand-in\"}");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("x-amzn-RequestId", "r-1");
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(status, status == 204 ? -1 : 0);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String unescape(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue("\"" + json + "\"", String.class);
        } catch (IOException e) {
            return json;
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return how long ago (from now) the first request arrived, for tests reading timings */
    Duration sinceFirst() {
        return requests.isEmpty() ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - requests.get(0).atNanos());
    }
}
