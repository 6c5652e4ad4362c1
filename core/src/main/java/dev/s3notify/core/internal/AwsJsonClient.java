package dev.s3notify.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.CredentialsProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one client for the AWS JSON 1.1 services core calls (EventBridge, Secrets Manager, Systems Manager): a signed
 * POST to {@code /} with an {@code X-Amz-Target}, instead of the AWS SDK and its second of cold start.
 */
final class AwsJsonClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final String service;
    private final URI url;
    private final String region;
    private final CredentialsProvider credentials;
    private final Duration timeout;
    private final Supplier<HttpClient> http;
    private final Clock clock;

    /**
     * @param service the signing name, which is also the endpoint prefix: {@code events}, {@code secretsmanager}
     * @param endpointOrNull an endpoint override (LocalStack, a test server), or null for AWS's own
     * @param timeout how long one request may wait for its response
     * @param clock the signing time
     */
    AwsJsonClient(String service, URI endpointOrNull, String region, CredentialsProvider credentials,
            Duration timeout, Supplier<HttpClient> http, Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.region = Objects.requireNonNull(region, "region");
        URI endpoint = endpoint(endpointOrNull, service, region);
        this.url = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? endpoint.resolve("/") : endpoint;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The production client: one shared HTTP client, the system clock. */
    static AwsJsonClient create(String service, URI endpointOrNull, String region, CredentialsProvider credentials,
            Duration timeout) {
        return new AwsJsonClient(service, endpointOrNull, region, credentials, timeout, SharedHttpClient::get,
                Clock.systemUTC());
    }

    /** @return the override, else {@code https://{service}.{region}.amazonaws.com} (.com.cn in China) */
    static URI endpoint(URI override, String service, String region) {
        if (override != null) {
            return override;
        }
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://" + service + "." + region + "." + domain + "/");
    }

    /** @return the host (and port) calls go to, safe to show */
    String host() {
        return SigV4.hostHeader(url);
    }

    /**
     * @param target the operation, such as {@code AWSEvents.PutEvents}
     * @param body the request
     * @return the parsed 2xx response; an empty object for an empty body
     * @throws AwsCallException for an error response, no response, or an unreadable one
     */
    JsonNode call(String target, JsonNode body) {
        byte[] payload = bytes(body);
        AwsCredentials keys = credentials.credentials();
        HttpResponse<byte[]> response = send(target, request(target, payload, keys));
        if (response.statusCode() / 100 != 2) {
            throw error(target, response, keys);
        }
        JsonNode parsed = parse(response.body());
        if (parsed == null) {
            throw AwsCallException.noResponse(describe(target), "UnreadableResponse",
                    "HTTP " + response.statusCode() + " with a body that is not JSON", null, false);
        }
        return parsed;
    }

    private HttpRequest request(String target, byte[] payload, AwsCredentials keys) {
        String payloadHash = SigV4.sha256Hex(payload);
        // X-Amz-Content-Sha256 as the AWS SDK sends it to every service, so the two sign byte-identical requests.
        Map<String, String> headers = Map.of("Content-Type", CONTENT_TYPE, "X-Amz-Target", target,
                "X-Amz-Content-Sha256", payloadHash);
        Map<String, String> signed = SigV4.signHeaders("POST", url, headers, payloadHash, keys, region, service,
                clock.instant());
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        headers.forEach(builder::header);
        // The HTTP client writes Host itself, from the same URL the signature covers.
        signed.forEach((name, value) -> {
            if (!name.equals("host")) {
                builder.header(name, value);
            }
        });
        return builder.build();
    }

    private HttpResponse<byte[]> send(String target, HttpRequest request) {
        try {
            return http.get().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw AwsCallException.noResponse(describe(target), "Timeout",
                    "no response within " + timeout.toMillis() + " ms", e, true);
        } catch (IOException e) {
            throw AwsCallException.noResponse(describe(target), "ConnectionError",
                    "connection failed (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AwsCallException.noResponse(describe(target), "Interrupted", "interrupted", e, false);
        }
    }

    private AwsCallException error(String target, HttpResponse<byte[]> response, AwsCredentials keys) {
        JsonNode body = parse(response.body());
        String header = response.headers().firstValue("x-amzn-ErrorType").orElse(null);
        String type = AwsCallException.typeOf(header != null ? header : text(body, "__type"));
        String message = text(body, "message") != null ? text(body, "message") : text(body, "Message");
        return AwsCallException.response(describe(target), response.statusCode(), type,
                AwsCallException.safeMessage(message, keys));
    }

    /** @return the field's text, or null when it is missing or not a string */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private String describe(String target) {
        return target + " to " + host();
    }
}
