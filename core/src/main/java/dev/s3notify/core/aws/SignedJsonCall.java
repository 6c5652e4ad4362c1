package dev.s3notify.core.aws;

import dev.s3notify.core.support.AttemptTimer;
import dev.s3notify.core.support.Backoff;
import dev.s3notify.core.support.Jitter;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.support.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * One AWS JSON 1.1 call ({@code X-Amz-Target: AmazonSSM.GetParameter}, ...) without the service's SDK module: the
 * body signed with the SDK's core SigV4 signer and the session's credentials, sent through the session's
 * url-connection-client. What a service client would add is done here the same way: standard-mode retries
 * (throttling, 5xx, connection errors and attempt timeouts; 3 attempts, full-jitter backoff), an attempt's timeout
 * that closes the connection, a bound on the whole call, error bodies cut at {@link BoundedErrorBodies#MAX_BYTES},
 * and failures thrown as the SDK's own exception types, redacted as {@link RedactedErrors} does, so that
 * {@link AwsErrors} words them as any other call's. Building a service client costs 0.5-0.7 s of CPU and 50-70 MiB
 * at cold start; this costs neither. Thread-safe.
 */
final class SignedJsonCall {
    private static final Log LOG = Log.of(SignedJsonCall.class);
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** The largest successful answer read: a secret is at most 64 KB, a parameter 8 KB. */
    static final int MAX_ANSWER_BYTES = 1024 * 1024;
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final AwsSession session;
    private final Supplier<URI> endpoint;
    private final String signingName;
    private final String targetPrefix;
    private final Duration attemptTimeout;
    private final Duration callTimeout;
    private final Backoff backoff;

    /**
     * @param session region, credentials, HTTP client and the secrets errors must not quote
     * @param endpoint the service's endpoint ({@link AwsSession#endpoint(String)} or an override), asked on the first
     *     call: a reader that is never used looks up no region metadata
     * @param signingName the SigV4 service name ({@code ssm}, {@code secretsmanager})
     * @param targetPrefix what precedes the operation in {@code X-Amz-Target} ({@code AmazonSSM})
     */
    SignedJsonCall(AwsSession session, Supplier<URI> endpoint, String signingName, String targetPrefix) {
        this(session, endpoint, signingName, targetPrefix, AwsSession.ATTEMPT_TIMEOUT, AwsSession.API_CALL_TIMEOUT,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(20), 3, Sleeper.THREAD, Jitter.SHARED));
    }

    SignedJsonCall(AwsSession session, Supplier<URI> endpoint, String signingName, String targetPrefix,
            Duration attemptTimeout, Duration callTimeout, Backoff backoff) {
        this.session = Objects.requireNonNull(session, "session");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.signingName = Objects.requireNonNull(signingName, "signingName");
        this.targetPrefix = Objects.requireNonNull(targetPrefix, "targetPrefix");
        this.attemptTimeout = attemptTimeout;
        this.callTimeout = callTimeout;
        this.backoff = backoff;
    }

    /**
     * @param operation the operation ({@code GetParameter})
     * @param body the JSON request body ({@link AwsJson#object})
     * @return the successful answer's body
     * @throws SdkException what a service client would throw: {@link AwsServiceException} for an error answer,
     *     {@link SdkClientException} for a connection error or an answer that is not the API's,
     *     {@link ApiCallTimeoutException} when the call's time ran out without an answer; its text loses every
     *     secret the session knows
     */
    byte[] call(String operation, byte[] body) {
        try {
            return attempts(operation, body);
        } catch (SdkException e) {
            throw (SdkException) RedactedErrors.redacted(e, session.knownSecrets());
        }
    }

    private byte[] attempts(String operation, byte[] body) {
        long deadline = System.nanoTime() + callTimeout.toNanos();
        for (int attempt = 1;; attempt++) {
            // Outside the retries: no credentials to sign with is not a failure that passes.
            AwsCredentials credentials = session.credentials().resolveCredentials();
            long left = deadline - System.nanoTime();
            SdkException failure;
            try {
                return attempt(operation, body, credentials, Math.min(left, attemptTimeout.toNanos()));
            } catch (SdkException e) {
                failure = e;
            }
            if (!AwsErrors.retryable(failure) || attempt >= backoff.maxAttempts()) {
                throw failure;
            }
            Duration wait = backoff.delay(attempt);
            left = deadline - System.nanoTime();
            if (left - wait.toNanos() < TimeUnit.MILLISECONDS.toNanos(50)) {
                // No time for another attempt: what the service said last says more than "no answer in time".
                throw failure instanceof ApiCallAttemptTimeoutException ? ApiCallTimeoutException.builder()
                        .message("no answer within " + callTimeout.toMillis() + " ms").cause(failure).build()
                        : failure;
            }
            LOG.debug("AWS call retried", "call", targetPrefix + "." + operation, "attempt", attempt,
                    "reason", AwsErrors.describe(RedactedErrors.redacted(failure, session.knownSecrets())),
                    "waitMillis", wait.toMillis());
            try {
                backoff.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SdkClientException.create("interrupted while waiting to retry", e);
            }
        }
    }

    private byte[] attempt(String operation, byte[] body, AwsCredentials credentials, long timeoutNanos) {
        URI to = endpoint.get();
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(to)
                .encodedPath(to.getRawPath() == null || to.getRawPath().isEmpty() ? "/" : to.getRawPath())
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = SIGNER.sign(r -> r.identity(credentials).request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, session.region()));
        SdkHttpClient http = session.http();
        ExecutableHttpRequest exchange = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null)).build());
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> timer = AttemptTimer.after(Math.max(timeoutNanos, 1), () -> {
            timedOut.set(true);
            exchange.abort();
        });
        try {
            HttpExecuteResponse response = exchange.call();
            SdkHttpResponse answer = response.httpResponse();
            boolean ok = answer.isSuccessful();
            byte[] read = read(response.responseBody().orElse(null),
                    ok ? MAX_ANSWER_BYTES : BoundedErrorBodies.MAX_BYTES);
            if (ok && read.length > MAX_ANSWER_BYTES) {
                throw SdkClientException.create("Unable to unmarshall response: larger than " + MAX_ANSWER_BYTES
                        + " bytes");
            }
            if (!ok) {
                throw serviceError(answer, read);
            }
            return read;
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            if (timedOut.get()) {
                throw ApiCallAttemptTimeoutException.builder().message("no answer within "
                        + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms").cause(cause).build();
            }
            throw SdkClientException.create("Unable to execute HTTP request: " + cause.getMessage(), cause);
        } finally {
            timer.cancel(false);
        }
    }

    /** @return at most {@code limit + 1} bytes of the body, so a caller can tell a longer one */
    private static byte[] read(InputStream in, int limit) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        try (InputStream body = in) {
            return body.readNBytes(limit + 1);
        }
    }

    /** @return the error answer as a service client throws it: code from {@code __type}, text from message */
    private AwsServiceException serviceError(SdkHttpResponse answer, byte[] body) {
        Map<String, String> fields;
        try {
            fields = AwsJson.fields(body, null);
        } catch (AwsJson.NotJson e) {
            fields = Map.of();
        }
        String code = answer.firstMatchingHeader("x-amzn-ErrorType").orElse(fields.get("__type"));
        code = code == null ? null : code.substring(code.lastIndexOf('#') + 1).split(":", 2)[0].strip();
        String message = fields.containsKey("message") ? fields.get("message") : fields.get("Message");
        String requestId = answer.firstMatchingHeader("x-amzn-RequestId").orElse(null);
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode(code == null || code.isEmpty() ? null : code)
                .errorMessage(message).serviceName(signingName).sdkHttpResponse(answer).build();
        return (AwsServiceException) AwsServiceException.builder().awsErrorDetails(details)
                .statusCode(answer.statusCode()).requestId(requestId)
                .message((message == null ? "error" : message) + " (Service: " + signingName + ", Status Code: "
                        + answer.statusCode() + ")")
                .build();
    }
}
