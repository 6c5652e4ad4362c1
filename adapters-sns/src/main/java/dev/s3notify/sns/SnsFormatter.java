package dev.s3notify.sns;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.TextLimit;
import dev.s3notify.spi.Delivery;
import dev.s3notify.spi.MessageLimits;
import dev.s3notify.spi.WebhookFormatter;
import java.time.Duration;
import java.util.Optional;

/**
 * Publishes to an SNS topic, in one of two {@link Shape}s: plain text with a subject ({@link TextMessages}) or
 * Amazon Q Developer's custom notification ({@link ChatbotMessages}). The requests it builds are sent by its
 * {@link SnsDelivery} (SNS {@code Publish}) instead of an HTTP post; core's sender still paces, retries and words
 * the refusals.
 */
final class SnsFormatter implements WebhookFormatter {
    /** SNS's limit on a message, in bytes of UTF-8 (256 KiB, a topic's default {@code MaximumMessageSize}). */
    static final int MAX_MESSAGE_BYTES = 262_144;
    /** The header that carries the subject of a text message to {@link SnsDelivery}. */
    static final String SUBJECT_HEADER = "sns-subject";
    /** The header that carries the message's deduplication id (a FIFO topic's) to {@link SnsDelivery}. */
    static final String DEDUPLICATION_HEADER = "sns-deduplication-id";
    static final TextLimit ERROR = TextLimit.codePoints(300);
    /**
     * Chat channels through Amazon Q Developer: Slack's documented rate for posting to a channel, one message a
     * second, the strictest of the chat apps it posts to. Text messages: SNS's Publish quota is per account and
     * region, far above one dispatcher's rate, so none is declared (a throttled answer is still honoured).
     */
    static final RateLimit CHAT_RATE = RateLimit.of(1, Duration.ofSeconds(1));

    private final Shape shape;
    private final Subjects subjects;
    private final SnsDelivery delivery;
    private final MessageLimits limits;

    SnsFormatter(Shape shape, Subjects subjects, SnsDelivery delivery) {
        this.shape = shape;
        this.subjects = subjects;
        this.delivery = delivery;
        TextLimit message = shape == Shape.TEXT ? TextLimit.utf8Bytes(MAX_MESSAGE_BYTES) : ChatbotMessages.DESCRIPTION;
        this.limits = MessageLimits.builder().message(message).bodyBytes(MAX_MESSAGE_BYTES).error(ERROR).build();
    }

    @Override
    public MessageLimits limits() {
        return limits;
    }

    @Override
    public WebhookRequest format(Notification notification) {
        return shape == Shape.TEXT ? TextMessages.single(notification, subjects.of(notification))
                : ChatbotMessages.single(notification);
    }

    /** @return the digest as text or a custom notification; empty when the links do not fit and there is no index */
    @Override
    public Optional<WebhookRequest> formatDigest(Digest digest) {
        return shape == Shape.TEXT ? TextMessages.digest(digest) : ChatbotMessages.digest(digest);
    }

    /** @return {@link #CHAT_RATE} for the chatbot shape, {@link RateLimit#UNKNOWN} for text */
    @Override
    public RateLimit rateLimit() {
        return shape == Shape.CHATBOT ? CHAT_RATE : RateLimit.UNKNOWN;
    }

    /** @return the value with bidirectional overrides replaced; for the chatbot shape also unable to mention anyone */
    @Override
    public String escape(String text) {
        return shape == Shape.CHATBOT ? PlainText.escapeMarkdown(text) : PlainText.escape(text);
    }

    /**
     * @param status the status {@link SnsDelivery} gave SNS's answer
     * @param body SNS's error code and message
     * @return "SNS: code: message", with what to do for a missing topic, a missing permission and a refusal
     */
    @Override
    public String describeError(int status, String body) {
        return SnsErrors.describe(status, body);
    }

    /** @return the {@code Publish} delivery; empty where the formatter was made without AWS clients (tests) */
    @Override
    public Optional<Delivery> delivery() {
        return Optional.ofNullable(delivery);
    }
}
