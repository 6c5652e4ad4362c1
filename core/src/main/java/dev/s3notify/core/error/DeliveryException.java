package dev.s3notify.core.error;

/**
 * Work could not be handed on: an EventBridge entry stayed unpublished, or a webhook did not accept a message
 * after every attempt allowed. The function fails its invocation so AWS retries it. The message names the host,
 * never a full webhook URL.
 */
public class DeliveryException extends S3NotifyException {
    private static final long serialVersionUID = 1L;

    /** @param message what could not be delivered, where to, and why */
    public DeliveryException(String message) {
        super(message);
    }

    /**
     * @param message what could not be delivered, where to, and why
     * @param cause the underlying failure
     */
    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
