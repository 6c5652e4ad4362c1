package dev.s3notify.core.error;

/**
 * An incoming event is not of a shape s3-notify understands. The message says which shape was expected and what
 * was found. The invocation (or, in an SQS batch, that message) fails so AWS retries it or parks it in a
 * dead-letter queue: a record is never silently dropped.
 */
public final class InvalidEventException extends S3NotifyException {
    private static final long serialVersionUID = 1L;

    /** @param message which shape was expected and what was found */
    public InvalidEventException(String message) {
        super(message);
    }

    /**
     * @param message which shape was expected and what was found
     * @param cause the parser's error
     */
    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
