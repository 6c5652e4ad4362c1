package dev.s3notify.core.aws;

import dev.s3notify.core.error.S3NotifyException;

/**
 * An AWS call that failed as a whole, after the SDK's own retries: its message names the call and AWS's error code,
 * status and first line of text, never a credential or a request body.
 */
public final class AwsCallFailed extends S3NotifyException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final String reason;

    AwsCallFailed(String call, Throwable cause) {
        super(call + " failed: " + AwsErrors.describe(cause), cause);
        this.retryable = AwsErrors.retryable(cause);
        this.reason = AwsErrors.describe(cause);
    }

    /**
     * @param call the call and what it was on ("DynamoDB PutItem on table deliveries")
     * @param cause what the SDK threw
     * @return the failure, worded by AWS's error code, status and first line of text
     */
    public static AwsCallFailed of(String call, Throwable cause) {
        return new AwsCallFailed(call, cause instanceof java.io.UncheckedIOException e ? AwsErrors.cutOff(e) : cause);
    }

    /** @return whether the same call may work later (throttling, 5xx, no answer) */
    public boolean retryable() {
        return retryable;
    }

    /** @return AWS's error code, status and text, or what went wrong on the way; safe to show */
    public String reason() {
        return reason;
    }
}
