package dev.s3notify.core.error;

import java.util.Objects;

/**
 * Work could not be handed on: an EventBridge entry stayed unpublished, a webhook did not accept a message after
 * every attempt allowed, or the delivery records could not be read. It carries why ({@link #reason()}), so that a
 * caller can tell a failure a retry may fix from one it cannot, and, for a webhook's refusal, the HTTP status and
 * the platform's words, already redacted. The message names the host, never a full webhook URL.
 */
public class DeliveryException extends S3NotifyException {
    private static final long serialVersionUID = 1L;

    private final FailureReason reason;
    private final int status;
    private final String detail;

    /** @param message what could not be delivered, where to, and why; the reason is {@link FailureReason#OTHER} */
    public DeliveryException(String message) {
        this(FailureReason.OTHER, message);
    }

    /**
     * @param message what could not be delivered, where to, and why; the reason is {@link FailureReason#OTHER}
     * @param cause the underlying failure
     */
    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
        this.reason = FailureReason.OTHER;
        this.status = 0;
        this.detail = "";
    }

    /**
     * @param reason why
     * @param message what could not be delivered, where to, and why
     */
    public DeliveryException(FailureReason reason, String message) {
        this(reason, 0, "", message);
    }

    /**
     * @param reason why
     * @param message what could not be delivered, where to, and why
     * @param cause the underlying failure
     */
    public DeliveryException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.status = 0;
        this.detail = "";
    }

    /**
     * @param reason why
     * @param status the HTTP status the platform answered, or 0 when none came
     * @param detail the platform's words, already redacted and quoted briefly, or empty
     * @param message what could not be delivered, where to, and why
     */
    public DeliveryException(FailureReason reason, int status, String detail, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.status = status;
        this.detail = detail == null ? "" : detail;
    }

    /** @return why the delivery failed */
    public FailureReason reason() {
        return reason;
    }

    /** @return whether a later attempt of the same work can succeed: the reason's {@link FailureReason#retryable()} */
    public boolean retryable() {
        return reason.retryable();
    }

    /** @return the HTTP status the platform answered last, or 0 when no answer came */
    public int status() {
        return status;
    }

    /** @return the platform's words ("HTTP 404: Unknown Webhook"), redacted of every secret, or empty */
    public String detail() {
        return detail;
    }
}
