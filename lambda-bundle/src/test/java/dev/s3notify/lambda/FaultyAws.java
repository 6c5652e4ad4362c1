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

    private static final Pattern SQS_ENTRY_ID = Pattern.compile("\"Id\"\\s*:\\s*\"([^\"]+)\"");
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-aws");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int webhookStatus = 204;

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

    /** @param status what the webhook answers (204 unless set) */
    FaultyAws webhookAnswers(int status) {
        webhookStatus = status;
        return this;
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
            Fault fault = faults.getOrDefault(service + "." + operation, faults.get(service + ".*"));
            if (service.equals("Webhook")) {
                send(exchange, webhookStatus, "application/json", webhookStatus == 204 ? "" : "{\"message\":\"no\"}");
            } else if (fault == null) {
                succeed(exchange, service, operation, body);
            } else {
                fail(exchange, service, fault);
            }
        }
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
                List<String> ids = new ArrayList<>();
                Matcher id = SQS_ENTRY_ID.matcher(body);
                while (id.find()) {
                    ids.add("{\"Id\":\"" + id.group(1) + "\"}");
                }
                send(exchange, 200, json, "{\"Successful\":[" + String.join(",", ids) + "],\"Failed\":[]}");
            }
            case "SQS.GetQueueAttributes" -> send(exchange, 200, json, "{\"Attributes\":{\"RedrivePolicy\":"
                    + "\"{\\\"deadLetterTargetArn\\\":\\\"arn:aws:sqs:us-east-1:123456789012:q-dlq\\\","
                    + "\\\"maxReceiveCount\\\":3}\"}}");
            case "SQS.SendMessage" -> {
                Matcher message = Pattern.compile("\"MessageBody\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
                String text = message.find() ? unescape(message.group(1)) : "";
                send(exchange, 200, json, "{\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\"" + md5(text) + "\"}");
            }
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
