package dev.s3notify.core;

import java.util.Map;
import java.util.Objects;

/**
 * What a formatter wants posted: the body, its content type, extra headers and query parameters to add to the
 * webhook URL (such as Discord's {@code wait=true}). The URL itself is not here: it is a credential the sender
 * holds.
 *
 * @param body the request body, sent as UTF-8
 * @param contentType the Content-Type, such as {@code application/json}
 * @param headers extra headers; never {@code Content-Type} or {@code Host}
 * @param query query parameters to add to the webhook URL, not encoded
 */
public record WebhookRequest(String body, String contentType, Map<String, String> headers, Map<String, String> query) {

    /** Rejects missing values and copies the maps. */
    public WebhookRequest {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
    }

    /**
     * @param body a JSON document
     * @return a JSON request with no extra headers or query parameters
     */
    public static WebhookRequest json(String body) {
        return new WebhookRequest(body, "application/json", Map.of(), Map.of());
    }

    /**
     * @param name a header name
     * @param value its value
     * @return a copy with the header added or replaced
     */
    public WebhookRequest withHeader(String name, String value) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new WebhookRequest(body, contentType, all, query);
    }

    /** @return the request without header values, which may hold credentials */
    @Override
    public String toString() {
        return "WebhookRequest[contentType=" + contentType + ", chars=" + body.length() + ", headers="
                + headers.keySet() + ", query=" + query.keySet() + "]";
    }
}
