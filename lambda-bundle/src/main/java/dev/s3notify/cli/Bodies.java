package dev.s3notify.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.support.Json;

/** How every command shows a body it posted or would post: as JSON when it is JSON, else as a string. */
final class Bodies {
    private static final ObjectMapper MAPPER = Json.MAPPER;

    private Bodies() {
    }

    /** @return a JSON body as JSON, so the output reads as one document; any other body as text */
    static JsonNode of(WebhookRequest request) {
        if (request.contentType().contains("json")) {
            try {
                return MAPPER.readTree(request.body());
            } catch (JsonProcessingException e) {
                // not JSON after all: shown as text below
            }
        }
        return MAPPER.getNodeFactory().textNode(request.body());
    }
}
