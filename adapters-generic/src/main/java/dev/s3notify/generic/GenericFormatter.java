package dev.s3notify.generic;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.text.TextLimit;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.MessageLimits;
import dev.s3notify.spi.WebhookFormatter;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts to any JSON webhook. Without {@code MESSAGE_TEMPLATE} it posts a versioned JSON document: the rendered
 * default message and every field of the link event. With {@code MESSAGE_TEMPLATE} the template's output is the
 * whole body, sent as {@code WEBHOOK_CONTENT_TYPE}. A digest is always a document ({@link GenericDocuments}). Adds
 * {@code WEBHOOK_HEADERS}, a {@code webhook-id} idempotency header, and, with {@code WEBHOOK_SIGNING_SECRET}, a
 * Standard Webhooks signature made afresh for each attempt.
 */
final class GenericFormatter implements WebhookFormatter {
    /** The version of the documents' shape; bumped only for incompatible changes. */
    static final String SPEC_VERSION = "1";
    /** The largest body sent, in bytes. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    /** The longest {@code message} in a document, in code points. */
    static final int MAX_MESSAGE_CODE_POINTS = 16_384;
    /** The longest explanation of a refusal: the receiver's {@code error: message}, or its body's first line. */
    static final TextLimit ERROR = TextLimit.codePoints(300);
    static final String WEBHOOK_ID = "webhook-id";
    static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
    static final String WEBHOOK_SIGNATURE = "webhook-signature";

    private final Map<String, String> headers;
    private final MediaType templateBodyType;
    private final SigningKey signingKey;
    private final MessageLimits limits;

    GenericFormatter(KindSettings settings) {
        this.headers = Map.copyOf(Objects.requireNonNullElse(settings.get(GenericVariables.WEBHOOK_HEADERS),
                Map.of()));
        this.templateBodyType = settings.get(GenericVariables.MESSAGE_TEMPLATE) == null ? null
                : settings.get(GenericVariables.WEBHOOK_CONTENT_TYPE);
        this.signingKey = settings.get(GenericVariables.WEBHOOK_SIGNING_SECRET);
        this.limits = limits(templateBodyType);
    }

    /**
     * A document's {@code message} is {@link #MAX_MESSAGE_CODE_POINTS}, links whole; a template's output is the
     * whole body, so a text one is cut to {@link #MAX_BODY_BYTES} of UTF-8 and a JSON one never (cutting would break
     * it: {@link #format} refuses one that is too large). Every body is at most {@link #MAX_BODY_BYTES}.
     */
    private static MessageLimits limits(MediaType templateBodyType) {
        TextLimit message = templateBodyType == null ? GenericDocuments.MESSAGE
                : templateBodyType.json() ? TextLimit.codePoints(MessageLimits.NONE)
                : TextLimit.utf8Bytes(MAX_BODY_BYTES);
        return MessageLimits.builder().message(message).bodyBytes(MAX_BODY_BYTES).error(ERROR).build();
    }

    /** @return the limits of this configuration's bodies: a document's, a text template's or a JSON template's */
    @Override
    public MessageLimits limits() {
        return limits;
    }

    /**
     * Escapes a template value for the body it ends up in: for a JSON string when {@code MESSAGE_TEMPLATE} is set
     * and {@code WEBHOOK_CONTENT_TYPE} is a JSON type, otherwise not at all (the document's {@code message} is
     * plain text that Jackson escapes; other content types are the template author's to get right).
     *
     * @param text a value from the event
     * @return the text, safe to place in the body
     */
    @Override
    public String escape(String text) {
        return templateBodyType != null && templateBodyType.json() ? JsonText.escape(text) : text;
    }

    /** @return the text as it is: a digest's message is plain text in the document, which Jackson escapes */
    @Override
    public String escapeDigest(String text) {
        return text;
    }

    @Override
    public WebhookRequest format(Notification notification) {
        if (templateBodyType == null) {
            return request(GenericDocuments.single(notification), "application/json", notification.eventId());
        }
        return request(templateBody(notification), templateBodyType.value(), notification.eventId());
    }

    /**
     * @param digest the files
     * @return a {@code file-links-digest} document listing every file that fits in {@link #MAX_BODY_BYTES} under
     *     {@code data.files}; empty when some do not fit and there is no index link
     */
    @Override
    public Optional<WebhookRequest> formatDigest(Digest digest) {
        return GenericDocuments.digest(digest).map(body -> request(body, "application/json", digest.id()));
    }

    /** @return {@link RateLimit#UNKNOWN}: a generic receiver documents no rate; 429 answers are still honoured */
    @Override
    public RateLimit rateLimit() {
        return RateLimit.UNKNOWN;
    }

    /** Signs each attempt with its own time, as Standard Webhooks asks, when a signing secret is set. */
    @Override
    public WebhookRequest prepareAttempt(WebhookRequest request, Instant now) {
        if (signingKey == null) {
            return request;
        }
        String id = request.headers().get(WEBHOOK_ID);
        long timestamp = now.getEpochSecond();
        return request.withHeader(WEBHOOK_TIMESTAMP, Long.toString(timestamp))
                .withHeader(WEBHOOK_SIGNATURE, signingKey.sign(id, timestamp, request.body()));
    }

    /**
     * @return the JSON body's {@code error} and {@code message} (or {@code detail}) when it has them, else its
     *     first line; within {@link #ERROR}
     */
    @Override
    public String describeError(int status, String body) {
        return ErrorText.describe(body, WebhookFormatter.super.describeError(status, body));
    }

    private WebhookRequest request(String body, String contentType, String id) {
        return WebhookRequest.builder().body(body).contentType(contentType).headers(headers).header(WEBHOOK_ID, id)
                .build();
    }

    /** A text body arrives cut to {@link #limits()} by core; a JSON one is checked. */
    private String templateBody(Notification notification) {
        String body = notification.message();
        if (templateBodyType.json()) {
            checkJson(body, templateBodyType);
        }
        return body;
    }

    /** A JSON body is sent exactly as rendered, so it is checked rather than cut: cutting would break it. */
    private static void checkJson(String body, MediaType type) {
        try {
            JsonText.read(body, true);
        } catch (IllegalArgumentException e) {
            throw new S3NotifyException("MESSAGE_TEMPLATE rendered a body that is not valid JSON, though"
                    + " WEBHOOK_CONTENT_TYPE is " + type.value() + ": " + e.getMessage() + ". Put values inside JSON"
                    + " strings with {{name}}, which escapes them for JSON; {{{name}}} inserts them raw. Wrap values"
                    + " that may be absent in {{#name}}...{{/name}}, or set WEBHOOK_CONTENT_TYPE to a non-JSON type.",
                    e);
        }
        int bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_BYTES) {
            throw new S3NotifyException("MESSAGE_TEMPLATE rendered a JSON body of " + bytes + " bytes; the generic"
                    + " webhook sends at most " + MAX_BODY_BYTES + " and cannot cut JSON without breaking it. Put fewer"
                    + " values in the template.");
        }
    }
}
