package dev.s3notify.core.error;

/**
 * A template's render stopped at one of its bounds: the text grew past the most a message may be, or the render
 * took more steps than a message may cost (sections repeated inside sections). Rendering never runs out of memory or
 * time instead. A digest listing that many files does not fit ({@link #outputTooLong()}); a render past the step
 * bound fails, and what it was for is reported for retry.
 */
public final class TemplateLimitException extends S3NotifyException {
    private static final long serialVersionUID = 1L;

    private final boolean outputTooLong;

    /**
     * @param outputTooLong whether the output bound was passed (else the step bound)
     * @param message which template, which bound, and what to do
     */
    public TemplateLimitException(boolean outputTooLong, String message) {
        super(message);
        this.outputTooLong = outputTooLong;
    }

    /** @return whether the text grew past the output bound; false when the render took too many steps */
    public boolean outputTooLong() {
        return outputTooLong;
    }
}
