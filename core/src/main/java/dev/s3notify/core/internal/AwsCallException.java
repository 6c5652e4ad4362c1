package dev.s3notify.core.internal;

import dev.s3notify.core.AwsCredentials;
import dev.s3notify.core.ConfigurationException;
import dev.s3notify.core.S3NotifyException;
import dev.s3notify.core.Secret;
import java.util.Set;

/**
 * A call to an AWS JSON service that did not succeed: an error response, or no response at all. The message names
 * the operation, the host, the HTTP status and AWS's error type and text; never a credential or a request body.
 */
final class AwsCallException extends S3NotifyException {
    private static final long serialVersionUID = 1L;
    /** Error types AWS documents as throttling or transient server trouble, whatever the HTTP status says. */
    private static final Set<String> RETRYABLE_TYPES = Set.of("ThrottlingException", "Throttling",
            "ThrottledException", "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottledException",
            "InternalFailure", "InternalException", "InternalServerError", "ServiceUnavailable");

    private static final int MAX_MESSAGE_CHARS = 300;

    private final int status;
    private final String errorType;
    private final String awsMessage;
    private final boolean retryable;

    private AwsCallException(String message, int status, String errorType, String awsMessage, boolean retryable,
            Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorType = errorType;
        this.awsMessage = awsMessage;
        this.retryable = retryable;
    }

    /** An error response; {@code awsMessage} must already be made safe. */
    static AwsCallException response(String call, int status, String errorType, String awsMessage) {
        boolean retryable = status >= 500 || status == 429 || RETRYABLE_TYPES.contains(errorType);
        String text = awsMessage.isEmpty() ? "" : ": " + awsMessage;
        return new AwsCallException(call + " failed: HTTP " + status + " " + errorType + text, status, errorType,
                awsMessage, retryable, null);
    }

    /** No usable response: a dropped connection, a timeout, an unreadable body. */
    static AwsCallException noResponse(String call, String errorType, String what, Throwable cause,
            boolean retryable) {
        return new AwsCallException(call + " failed: " + what, 0, errorType, what, retryable, cause);
    }

    /** @return the HTTP status, or 0 when no response arrived */
    int status() {
        return status;
    }

    /** @return AWS's error type without its namespace ({@code ResourceNotFoundException}), or what went wrong */
    String errorType() {
        return errorType;
    }

    /** @return AWS's own explanation, made safe (first line only, credentials masked), possibly empty */
    String awsMessage() {
        return awsMessage;
    }

    /** @return whether the same call may succeed later: 5xx, 429, throttling, a dropped connection, a timeout */
    boolean retryable() {
        return retryable;
    }

    /**
     * @param what what was being read, such as {@code Secrets Manager secret 'arn:...'}
     * @return a {@link ConfigurationException} when AWS refused for good (missing, forbidden), else the base type
     */
    S3NotifyException reading(String what) {
        String message = "Cannot read " + what + ": " + getMessage();
        if (!retryable && status >= 400 && status < 500) {
            ConfigurationException refused = new ConfigurationException(message
                    + " (check that it exists in this region and that the function's role may read it)");
            refused.initCause(this);
            return refused;
        }
        return new S3NotifyException(message, this);
    }

    /** {@code com.amazonaws.events#ResourceNotFoundException} or {@code X:http://...} to {@code X}. */
    static String typeOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return "UnknownError";
        }
        int colon = raw.indexOf(':');
        String type = colon < 0 ? raw : raw.substring(0, colon);
        return type.substring(type.lastIndexOf('#') + 1).strip();
    }

    /**
     * AWS's text can quote the request: InvalidSignatureException's second paragraph is the canonical request, which
     * holds the session token. Keep the first line, mask any credential in it, and cap its length.
     */
    static String safeMessage(String message, AwsCredentials keys) {
        if (message == null) {
            return "";
        }
        String text = mask(mask(message, keys.secretAccessKey()), keys.sessionToken()).strip();
        int newline = text.indexOf('\n');
        text = newline < 0 ? text : text.substring(0, newline).strip();
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    private static String mask(String text, Secret secret) {
        return secret == null || secret.reveal().isEmpty() ? text : text.replace(secret.reveal(), "******");
    }
}
