package dev.s3notify.core.error;

/**
 * Why a delivery failed, as a value the caller can act on: whether a later attempt can succeed
 * ({@link #retryable()}) decides between giving a queued message back to its queue and parking it in the
 * dead-letter queue at once. A deferral (the platform's rate limit) is not a failure and has no reason here.
 */
public enum FailureReason {
    /** A 4xx no other reason names (409, 422, ...): retried, as a later attempt may find the platform changed. */
    CLIENT_ERROR(true),
    /** 401 or 403: the webhook's credentials are wrong or revoked; only a new URL or token can fix it. */
    AUTHENTICATION(false),
    /** 404 or 410: the webhook, channel or thread was deleted; only a new URL can fix it. */
    GONE(false),
    /** 400 or 413: the platform refused the message s3-notify built; the same message is refused again. */
    PAYLOAD_REFUSED(false),
    /** 3xx: the webhook points elsewhere; redirects are never followed, so only a new URL can fix it. */
    REDIRECTED(false),
    /** 5xx: the platform failed; it may work later. */
    SERVER(true),
    /** 408, no answer within the time limit, or the deadline came first. */
    TIMEOUT(true),
    /** The connection failed: refused, reset, host not found, TLS. */
    CONNECTION(true),
    /** The platform kept answering 429 (where a wait is not handed back as a deferral, as EventBridge throttling). */
    RATE_LIMITED(true),
    /** The delivery-records store could not be read or written: missing table, access denied, throttled. */
    STORE_UNAVAILABLE(true),
    /** Anything else (an EventBridge entry left unpublished, an interruption): retried. */
    OTHER(true);

    private final boolean retryable;

    FailureReason(boolean retryable) {
        this.retryable = retryable;
    }

    /** @return whether a later attempt of the same message can succeed */
    public boolean retryable() {
        return retryable;
    }

    /**
     * @param status an HTTP status the platform answered, not 2xx
     * @return the reason that status stands for
     */
    public static FailureReason ofStatus(int status) {
        if (status >= 300 && status < 400) {
            return REDIRECTED;
        }
        return switch (status) {
            case 400, 413 -> PAYLOAD_REFUSED;
            case 401, 403 -> AUTHENTICATION;
            case 404, 410 -> GONE;
            case 408 -> TIMEOUT;
            case 429 -> RATE_LIMITED;
            default -> status >= 500 ? SERVER : CLIENT_ERROR;
        };
    }
}
