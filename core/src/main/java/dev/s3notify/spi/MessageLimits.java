package dev.s3notify.spi;

import dev.s3notify.core.text.TextLimit;
import java.util.Objects;

/**
 * A platform's limits, as data: what a {@link WebhookFormatter} declares in {@link WebhookFormatter#limits()} and
 * core applies once for every formatter. Core cuts the rendered message text to {@link #message()} before it calls
 * {@link WebhookFormatter#format}, links kept whole; when the formatted body is still over {@link #bodyBytes()},
 * core formats again with the longest start of the message that fits. A formatter declares its limits; it does not
 * cut the message itself. A class with a builder rather than a record, so that it can grow without breaking
 * formatters.
 *
 * @since 1
 */
public final class MessageLimits {
    /** What {@link #bodyBytes()} and a {@link TextLimit}'s maximum are when the platform has no such limit. */
    public static final int NONE = Integer.MAX_VALUE;
    /** The explanation of a refusal when a formatter declares none: 300 code points, as it always was. */
    public static final TextLimit DEFAULT_ERROR = TextLimit.codePoints(300);

    private static final MessageLimits DEFAULTS = builder().build();

    private final TextLimit message;
    private final int bodyBytes;
    private final TextLimit error;

    private MessageLimits(Builder builder) {
        this.message = builder.message;
        this.bodyBytes = builder.bodyBytes;
        this.error = builder.error;
    }

    /**
     * @return no limit on the message text or the body, and {@link #DEFAULT_ERROR} for error explanations: what a
     *     formatter that declares nothing gets
     * @since 1
     */
    public static MessageLimits defaults() {
        return DEFAULTS;
    }

    /**
     * @return a builder starting from {@link #defaults()}
     * @since 1
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the limit of the rendered message text (such as Discord's description, 4,096 code points), with the
     *     {@linkplain TextLimit#boundaries() boundaries} a cut must keep whole; core also keeps the event's link
     *     whole, as the template inserts it raw and escaped. Its maximum is {@link #NONE} when there is no limit.
     * @since 1
     */
    public TextLimit message() {
        return message;
    }

    /**
     * @return the most UTF-8 bytes a request body may have (such as Teams' 28,000), or {@link #NONE}
     * @since 1
     */
    public int bodyBytes() {
        return bodyBytes;
    }

    /**
     * @return the limit of {@link WebhookFormatter#describeError}'s output, the platform's explanation of a refusal
     * @since 1
     */
    public TextLimit error() {
        return error;
    }

    @Override
    public String toString() {
        return "MessageLimits[message=" + shown(message.max()) + " " + message.unit() + ", bodyBytes="
                + shown(bodyBytes) + ", error=" + error.max() + " " + error.unit() + "]";
    }

    private static String shown(int max) {
        return max == NONE ? "none" : Integer.toString(max);
    }

    /**
     * Collects a formatter's limits; what is not set has no limit, and the error explanation
     * {@link #DEFAULT_ERROR}.
     *
     * @since 1
     */
    public static final class Builder {
        private TextLimit message = TextLimit.codePoints(NONE);
        private int bodyBytes = NONE;
        private TextLimit error = DEFAULT_ERROR;

        private Builder() {
        }

        /**
         * @param limit the limit of the rendered message text, with what a cut must keep whole
         * @return this builder
         * @since 1
         */
        public Builder message(TextLimit limit) {
            this.message = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /**
         * @param max the most UTF-8 bytes of a request body, at least 1
         * @return this builder
         * @throws IllegalArgumentException when it is less than 1
         * @since 1
         */
        public Builder bodyBytes(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("bodyBytes must be at least 1, not " + max);
            }
            this.bodyBytes = max;
            return this;
        }

        /**
         * @param limit the limit of the platform's error explanation
         * @return this builder
         * @since 1
         */
        public Builder error(TextLimit limit) {
            this.error = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /**
         * @return the limits
         * @since 1
         */
        public MessageLimits build() {
            return new MessageLimits(this);
        }
    }
}
