package dev.s3notify.core.error;

import dev.s3notify.core.text.SafeText;

/**
 * The one unchecked base of every error s3-notify raises on purpose. Its message says what failed, with which
 * value, and what to do; it never contains a webhook URL, a presigned URL's signature or a secret, and control and
 * bidi characters other than line feeds are removed from it ({@link SafeText#message}).
 */
public class S3NotifyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, with which value, and what to do */
    public S3NotifyException(String message) {
        super(SafeText.message(message));
    }

    /**
     * @param message what failed, with which value, and what to do
     * @param cause the underlying failure, kept for the stack trace
     */
    public S3NotifyException(String message, Throwable cause) {
        super(SafeText.message(message), cause);
    }
}
