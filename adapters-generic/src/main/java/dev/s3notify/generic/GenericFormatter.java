package dev.s3notify.generic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.KindSettings;
import dev.s3notify.core.LinkEventJson;
import dev.s3notify.core.Notification;
import dev.s3notify.core.S3NotifyException;
import dev.s3notify.core.Variable;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The formatter for any JSON webhook (kind {@code generic}), and the one used when no other formatter recognizes
 * the webhook URL. Without {@code MESSAGE_TEMPLATE} it posts a versioned JSON document: the rendered default
 * message and every field of the link event. With {@code MESSAGE_TEMPLATE} the template's output is the whole
 * body, sent as {@code WEBHOOK_CONTENT_TYPE}. Adds {@code WEBHOOK_HEADERS}, a {@code webhook-id} idempotency
 * header, and, with {@code WEBHOOK_SIGNING_SECRET}, a Standard Webhooks signature made afresh for each attempt.
 * The document and the headers are described in the module's README.
 */
public final class GenericFormatter implements WebhookFormatter {
    /** The version of the document's shape; bumped only for incompatible changes. */
    static final String SPEC_VERSION = "1";
    /** The largest body sent, in bytes. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    /** The longest {@code message} in the document, in code points. */
    static final int MAX_MESSAGE_CODE_POINTS = 16_384;
    static final String WEBHOOK_ID = "webhook-id";
    static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
    static final String WEBHOOK_SIGNATURE = "webhook-signature";

    private static final String DEFAULT_TEMPLATE = "{{#created}}{{fileName}} was uploaded to {{bucket}}{{/created}}"
            + "{{#restored}}{{fileName}} was restored in {{bucket}}{{/restored}}"
            + "{{#deleted}}{{fileName}} was deleted from {{bucket}}{{/deleted}}"
            + "{{#restoreStarted}}{{fileName}} is being restored in {{bucket}}{{/restoreStarted}}"
            + "{{#restoreExpired}}The restored copy of {{fileName}} in {{bucket}} expired{{/restoreExpired}}"
            + "{{#other}}{{fileName}} in {{bucket}}{{/other}}"
            + "{{#hasLink}}: {{{fileUrl}}}{{#expirationTime}} (expires in {{expirationTime}}){{/expirationTime}}"
            + "{{/hasLink}}";

    /** Creates the formatter; ServiceLoader calls this. */
    public GenericFormatter() {
    }

    @Override
    public String kind() {
        return "generic";
    }

    /**
     * @return {@code MESSAGE_TEMPLATE} (to know whether the body is the template's), {@code WEBHOOK_CONTENT_TYPE},
     *     {@code WEBHOOK_HEADERS} and {@code WEBHOOK_SIGNING_SECRET}
     */
    @Override
    public List<Variable<?>> variables() {
        return GenericVariables.ALL;
    }

    /** @return plain text naming the file, the bucket, what happened and, with a link, the link and its lifetime */
    @Override
    public String defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /**
     * Escapes for the inside of a JSON string, the safe choice when the settings are not known.
     *
     * @param text a value from the event
     * @return the text with quotes, backslashes and control characters escaped as JSON
     */
    @Override
    public String escape(String text) {
        return JsonText.escape(text);
    }

    /**
     * Escapes a template value for the body it ends up in: for a JSON string when {@code MESSAGE_TEMPLATE} is set
     * and {@code WEBHOOK_CONTENT_TYPE} is a JSON type, otherwise not at all (the document's {@code message} is
     * plain text that Jackson escapes; other content types are the template author's to get right).
     *
     * @param text a value from the event
     * @param settings the validated settings
     * @return the text, safe to place in the body
     */
    @Override
    public String escape(String text, KindSettings settings) {
        return isTemplateBody(settings) && settings.get(GenericVariables.WEBHOOK_CONTENT_TYPE).json()
                ? JsonText.escape(text) : text;
    }

    @Override
    public WebhookRequest format(Notification notification, KindSettings settings) {
        Map<String, String> headers = new LinkedHashMap<>(
                Objects.requireNonNullElse(settings.get(GenericVariables.WEBHOOK_HEADERS), Map.of()));
        headers.put(WEBHOOK_ID, notification.eventId());
        if (!isTemplateBody(settings)) {
            return new WebhookRequest(document(notification), "application/json", headers, Map.of());
        }
        MediaType type = settings.get(GenericVariables.WEBHOOK_CONTENT_TYPE);
        return new WebhookRequest(templateBody(notification, type), type.value(), headers, Map.of());
    }

    /** Signs each attempt with its own time, as Standard Webhooks asks, when a signing secret is set. */
    @Override
    public WebhookRequest prepareAttempt(WebhookRequest request, Notification notification,
            KindSettings settings, Instant now) {
        SigningKey key = settings.get(GenericVariables.WEBHOOK_SIGNING_SECRET);
        if (key == null) {
            return request;
        }
        long timestamp = now.getEpochSecond();
        return request.withHeader(WEBHOOK_ID, notification.eventId())
                .withHeader(WEBHOOK_TIMESTAMP, Long.toString(timestamp))
                .withHeader(WEBHOOK_SIGNATURE, key.sign(notification.eventId(), timestamp, request.body()));
    }

    /** @return false: generic is the fallback for URLs no other formatter recognizes */
    @Override
    public boolean recognizes(URI webhookUrl) {
        return false;
    }

    /**
     * @return the JSON body's {@code error} and {@code message} (or {@code detail}) when it has them, else its
     *     first line; at most 300 characters
     */
    @Override
    public String describeError(int status, String body) {
        return ErrorText.describe(body, WebhookFormatter.super.describeError(status, body));
    }

    private static boolean isTemplateBody(KindSettings settings) {
        return settings.get(GenericVariables.MESSAGE_TEMPLATE) != null;
    }

    private static String document(Notification notification) {
        ObjectNode document = JsonText.MAPPER.createObjectNode();
        document.put("specversion", SPEC_VERSION);
        document.put("type", "file-link-generated");
        document.put("id", notification.eventId());
        document.put("message", Truncation.truncate(notification.message(), MAX_MESSAGE_CODE_POINTS, false,
                notification.event().fileUrl()));
        document.set("data", LinkEventJson.toJson(notification.event()));
        try {
            return JsonText.MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static String templateBody(Notification notification, MediaType type) {
        String body = notification.message();
        if (!type.json()) {
            return Truncation.truncate(body, MAX_BODY_BYTES, true, notification.event().fileUrl());
        }
        checkJson(body, type);
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
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_BYTES) {
            throw new S3NotifyException("MESSAGE_TEMPLATE rendered a JSON body of " + bytes + " bytes; the generic"
                    + " webhook sends at most " + MAX_BODY_BYTES + " and cannot cut JSON without breaking it. Put fewer"
                    + " values in the template.");
        }
    }
}
