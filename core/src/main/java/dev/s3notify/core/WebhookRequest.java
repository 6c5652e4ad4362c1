package dev.s3notify.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a formatter wants posted: the body, its content type, extra headers and query parameters to add to the
 * webhook URL (such as Discord's {@code wait=true}). The URL itself is not here: it is a credential the sender
 * holds.
 *
 * <p>Build one with {@link #builder()}, or {@link #json(String)} for a plain JSON body, never with the canonical
 * constructor: the component list may grow, and the builder keeps working when it does.
 *
 * @param body the request body, sent as UTF-8
 * @param contentType the Content-Type, such as {@code application/json}
 * @param headers extra headers; never {@code Content-Type} or {@code Host}
 * @param query query parameters to add to the webhook URL, not encoded
 */
public record WebhookRequest(String body, String contentType, Map<String, String> headers, Map<String, String> query) {

    /** Use the builder ({@link #builder()}); the component list may grow. Rejects missing values, copies the maps. */
    public WebhookRequest {
        Objects.requireNonNull(body, "WebhookRequest needs a body");
        Objects.requireNonNull(contentType, "WebhookRequest needs a contentType");
        headers = Map.copyOf(Objects.requireNonNull(headers, "WebhookRequest needs headers (may be empty)"));
        query = Map.copyOf(Objects.requireNonNull(query, "WebhookRequest needs query (may be empty)"));
    }

    /** @return a builder for a request with content type {@code application/json} and no headers or query */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param body a JSON document
     * @return a JSON request with no extra headers or query parameters
     */
    public static WebhookRequest json(String body) {
        return builder().body(body).build();
    }

    /**
     * @param name a header name
     * @param value its value
     * @return a copy with the header added or replaced
     */
    public WebhookRequest withHeader(String name, String value) {
        return builder().body(body).contentType(contentType).headers(headers).query(query).header(name, value).build();
    }

    /** @return the request without header values, which may hold credentials */
    @Override
    public String toString() {
        return "WebhookRequest[contentType=" + contentType + ", chars=" + body.length() + ", headers="
                + headers.keySet() + ", query=" + query.keySet() + "]";
    }

    /**
     * Builds a {@link WebhookRequest}. Headers and query parameters keep the order they were added in until
     * {@link #build()} copies them. Not thread-safe; {@link #build()} may be called again.
     */
    public static final class Builder {
        private String body;
        private String contentType = "application/json";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the request body, sent as UTF-8; required. */
        public Builder body(String value) {
            body = value;
            return this;
        }

        /** Sets the Content-Type; {@code application/json} unless set. */
        public Builder contentType(String value) {
            contentType = value;
            return this;
        }

        /** Adds or replaces one extra header; never {@code Content-Type} or {@code Host}. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "header name"), Objects.requireNonNull(value, name));
            return this;
        }

        /** Replaces all extra headers with these. */
        public Builder headers(Map<String, String> values) {
            headers.clear();
            headers.putAll(values);
            return this;
        }

        /** Adds or replaces one query parameter, not encoded. */
        public Builder queryParameter(String name, String value) {
            query.put(Objects.requireNonNull(name, "query parameter name"), Objects.requireNonNull(value, name));
            return this;
        }

        /** Replaces all query parameters with these. */
        public Builder query(Map<String, String> values) {
            query.clear();
            query.putAll(values);
            return this;
        }

        /**
         * @return the request
         * @throws NullPointerException naming the component when the body or content type is missing
         */
        public WebhookRequest build() {
            return new WebhookRequest(body, contentType, headers, query);
        }
    }
}
