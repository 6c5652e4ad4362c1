package dev.s3notify.generic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Words a receiver's JSON error response: its {@code error} and {@code message} fields, as most APIs send them. */
final class ErrorText {
    private static final List<String> REASONS = List.of("message", "detail", "error_description", "title");

    private ErrorText() {
    }

    /**
     * @param body the response body, possibly empty or not JSON
     * @param fallback the words to use when the body is not a JSON object with such fields
     * @return {@code error: message}, either part alone, or the fallback; within {@link GenericFormatter#ERROR}
     */
    static String describe(String body, String fallback) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : JsonText.read(body, true);
        } catch (IllegalArgumentException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return fallback;
        }
        JsonNode error = json.get("error");
        List<String> parts = new ArrayList<>();
        if (error != null && error.isValueNode()) {
            parts.add(error.asText());
        }
        JsonNode holder = error != null && error.isObject() ? error : json;
        REASONS.stream().map(holder::get).filter(n -> n != null && n.isValueNode()).findFirst()
                .ifPresent(n -> parts.add(n.asText()));
        parts.removeIf(String::isBlank);
        if (parts.isEmpty()) {
            return fallback;
        }
        return GenericFormatter.ERROR.cut(String.join(": ", parts).strip().replaceAll("\\s+", " "));
    }
}
