package dev.s3notify.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.CredentialsProvider;
import dev.s3notify.core.Log;
import dev.s3notify.core.S3NotifyException;
import dev.s3notify.core.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Temporary credentials from the container credentials endpoint (Lambda SnapStart, ECS, EKS Pod Identity), fetched
 * on first use, cached, and fetched again five minutes before they expire. Messages name the endpoint's host only:
 * its path and the authorization token are credentials too.
 */
final class ContainerCredentialsProvider implements CredentialsProvider {
    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Log LOG = Log.of(ContainerCredentialsProvider.class);

    private final URI endpoint;
    private final Supplier<String> authorization;
    private final Supplier<HttpClient> http;
    private final Clock clock;
    private volatile AwsCredentials cached;

    ContainerCredentialsProvider(URI endpoint, Supplier<String> authorization, Supplier<HttpClient> http,
            Clock clock) {
        this.endpoint = endpoint;
        this.authorization = authorization;
        this.http = http;
        this.clock = clock;
    }

    /** @return where credentials are fetched from */
    URI endpoint() {
        return endpoint;
    }

    @Override
    public AwsCredentials credentials() {
        AwsCredentials current = cached;
        if (current != null && !due(current)) {
            return current;
        }
        synchronized (this) {
            current = cached;
            if (current != null && !due(current)) {
                return current;
            }
            try {
                cached = fetch();
                return cached;
            } catch (S3NotifyException e) {
                if (current != null && clock.instant().isBefore(current.expiration())) {
                    LOG.warn("credentials refresh failed; using the cached ones until they expire",
                            "host", endpoint.getHost(), "expiration", current.expiration(), "error", e.getMessage());
                    return current;
                }
                throw e;
            }
        }
    }

    @Override
    public void forget() {
        synchronized (this) {
            cached = null;
        }
    }

    private boolean due(AwsCredentials credentials) {
        return credentials.expiration() != null
                && !clock.instant().isBefore(credentials.expiration().minus(REFRESH_BEFORE_EXPIRY));
    }

    private AwsCredentials fetch() {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Accept", "application/json").GET();
        String token = authorization.get();
        if (token != null) {
            request.header("Authorization", token);
        }
        HttpResponse<String> response;
        try {
            response = http.get().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw failure("could not be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw failure("answered HTTP " + response.statusCode(), null);
        }
        AwsCredentials credentials = parse(response.body());
        LOG.debug("credentials fetched", "host", endpoint.getHost(), "expiration", credentials.expiration());
        return credentials;
    }

    private AwsCredentials parse(String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw failure("answered with something that is not JSON", null);
        }
        String accessKeyId = json.path("AccessKeyId").asText(null);
        String secretKey = json.path("SecretAccessKey").asText(null);
        if (accessKeyId == null || secretKey == null) {
            throw failure("answered without AccessKeyId and SecretAccessKey", null);
        }
        String token = json.path("Token").asText(null);
        String expiration = json.path("Expiration").asText(null);
        try {
            return new AwsCredentials(accessKeyId, Secret.of(secretKey), token == null ? null : Secret.of(token),
                    expiration == null ? null : Instant.parse(expiration));
        } catch (java.time.format.DateTimeParseException e) {
            throw failure("answered an Expiration that is not an ISO-8601 instant", null);
        }
    }

    private S3NotifyException failure(String what, Exception cause) {
        return new S3NotifyException("the container credentials endpoint on " + endpoint.getHost() + " " + what
                + "; the function cannot sign requests until it answers 200 with credentials", cause);
    }

    static String readTokenFile(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new S3NotifyException("cannot read the container authorization token from " + file + " (named by "
                    + Credentials.TOKEN_FILE + "): " + e.getClass().getSimpleName(), e);
        }
    }
}
