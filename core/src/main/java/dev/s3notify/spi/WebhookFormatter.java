package dev.s3notify.spi;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * How a message looks on one platform, configured: created by a {@link WebhookFormatterProvider} with its validated
 * settings, it turns one {@link Notification}, or a {@link Digest} of several, into the {@link WebhookRequest} to
 * post. Core's one sender does the posting, pacing, retries and error handling for every formatter; a formatter
 * whose destinations are not HTTP webhooks supplies a {@link Delivery} that sends each attempt instead of the post.
 *
 * <p>Implementations are immutable and thread-safe. Every request respects the platform's limits for any input,
 * escapes user text for the platform, never lets a file name ping anyone, and is built with a JSON library. The
 * limits of the message text and of the body are data the formatter declares in {@link #limits()}: core cuts the
 * message to them once, links kept whole, and formats again with a shorter message when the body is too large. The
 * formatter caps its own fixed parts (titles, fields) with core's {@code dev.s3notify.core.text.TextLimit}.
 */
public interface WebhookFormatter {

    /**
     * Builds the request for one file. Core calls it with the message already within {@link #limits()}'s
     * {@link MessageLimits#message() message} limit, and again with a shorter message when the body is over its
     * {@link MessageLimits#bodyBytes() byte} limit; the formatter does not cut the message itself.
     *
     * @param notification the event and the rendered message text, within the declared message limit
     * @return the request to post
     */
    WebhookRequest format(Notification notification);

    /**
     * The platform's limits, as data, which core applies to every message of this formatter: the rendered message
     * text's limit, the request body's byte limit, and the limit of {@link #describeError}'s explanation. The
     * default has no limit on the message or the body and {@link MessageLimits#DEFAULT_ERROR} for explanations.
     *
     * @return the limits; the same every time
     * @since 1
     */
    default MessageLimits limits() {
        return MessageLimits.defaults();
    }

    /**
     * Builds one message for several files, within the platform's limits. Every file with a link must stay
     * reachable by a link from the message: its own, or the digest's index link. So when the message cannot carry
     * every file's link and the digest has no {@linkplain Digest#indexLink() index link}, this returns empty (the
     * caller then writes the index and asks again); with an index link it always returns a message: the files that
     * fit, how many more there are, and the index link. The caller never formats a digest of one file: that is the
     * single-file message of {@link #format}.
     *
     * @param digest the files, with the rendered {@code DIGEST_TEMPLATE} ({@link Digest#message(int)})
     * @return the request, or empty when the links do not fit and there is no index link
     */
    Optional<WebhookRequest> formatDigest(Digest digest);

    /**
     * @return the platform's documented sending rate for one webhook, which the sender paces to;
     *     {@link RateLimit#UNKNOWN} when it documents none
     */
    RateLimit rateLimit();

    /**
     * Escapes a value inserted by the message template's {@code {{name}}} for this platform's message text (Discord
     * markdown, Slack mrkdwn, ...). {@code {{{name}}}} inserts the value unescaped. The default escapes nothing.
     *
     * @param text a value from the event, such as a file name
     * @return the text, safe to place in the message
     */
    default String escape(String text) {
        return text;
    }

    /**
     * Escapes a value inserted by the digest template's {@code {{name}}}. The default is {@link #escape(String)}.
     *
     * @param text a value from the digest, such as a file name or the common prefix
     * @return the text, safe to place in the digest's message
     */
    default String escapeDigest(String text) {
        return escape(text);
    }

    /**
     * Turns a rejected request's response into words for the error message (Discord's code and message, Slack's
     * reason). Must not echo credentials. The default returns the body's first line, cut to {@link #limits()}'s
     * {@link MessageLimits#error() error} limit with "…".
     *
     * @param status the HTTP status
     * @param body the response body, possibly empty
     * @return the platform's explanation, within {@link MessageLimits#error()}
     */
    default String describeError(int status, String body) {
        String firstLine = body == null ? "" : body.strip().lines().findFirst().orElse("");
        return limits().error().cut(firstLine);
    }

    /**
     * Adjusts the request just before each delivery attempt, such as signing it with the attempt's time. The
     * default returns it unchanged.
     *
     * @param request the formatted request
     * @param now the attempt's time
     * @return the request to send in this attempt
     */
    default WebhookRequest prepareAttempt(WebhookRequest request, Instant now) {
        return request;
    }

    /**
     * How this formatter's requests reach their destination when it is not an HTTP webhook (an AWS service's API,
     * say): core's sender then hands each attempt to it instead of posting it, and keeps pacing, retries, the
     * deadline and error wording as for every webhook. A destination that is not an http(s) URL (an ARN) needs a
     * formatter with one. The default is empty: core posts the request over HTTPS to the webhook URL.
     *
     * @return the delivery, the same every time; empty for an HTTP webhook
     * @since 3
     */
    default Optional<Delivery> delivery() {
        return Optional.empty();
    }
}
