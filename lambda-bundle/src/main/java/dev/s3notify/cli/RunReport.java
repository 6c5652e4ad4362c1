package dev.s3notify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What {@code run} prints on standard output: the mode, one entry per object (with routes, per object and route
 * that took it: bucket, key, event type, the route, the body posted or previewed, delivered or not, the reason when
 * not) and the SQS messages the link generator could not handle.
 */
final class RunReport {
    private static final ObjectMapper MAPPER = Json.MAPPER;

    private final boolean preview;
    private final ObjectNode root = MAPPER.createObjectNode();
    private final ArrayNode objects;
    private int delivered;
    private int failed;
    private int unrouted;

    RunReport(boolean preview) {
        this.preview = preview;
        root.put("mode", preview ? "preview" : "delivery");
        objects = root.putArray("objects");
    }

    /** Records a message formatted (previewing) or accepted by the webhook; with routes, one per route. */
    void handled(byte[] linkEvent, Destination destination, WebhookRequest request) {
        ObjectNode object = object(linkEvent);
        if (destination.named()) {
            object.put("route", destination.name());
            if (destination.routing().redirectedFrom() != null) {
                object.put("fallbackFor", destination.routing().redirectedFrom());
            }
        }
        object.put("kind", destination.kind());
        if (!preview) {
            object.put("host", destination.host());
            delivered++;
        }
        object.put("delivered", !preview);
        object.put("contentType", request.contentType());
        object.set("body", Bodies.of(request));
    }

    /** Records a message that was not delivered (or, previewing, not formatted), with the reason. */
    void failed(byte[] linkEvent, String reason) {
        ObjectNode object = object(linkEvent);
        object.put("delivered", false);
        object.put("error", reason);
        failed++;
    }

    /** Records an object whose event no route took: nothing was posted for it, as the routes' filters say. */
    void unrouted(byte[] linkEvent) {
        object(linkEvent).put("delivered", false).put("route", (String) null);
        unrouted++;
    }

    /** Prints the report; returns the exit code: 1 when anything failed. */
    int print(List<String> failedMessageIds, Console console) {
        ArrayNode ids = root.putArray("failedMessages");
        failedMessageIds.forEach(ids::add);
        console.result(root);
        return failed == 0 && failedMessageIds.isEmpty() ? Main.OK : Main.FAILED;
    }

    int delivered() {
        return delivered;
    }

    int unrouted() {
        return unrouted;
    }

    int failedCount() {
        return failed;
    }

    private ObjectNode object(byte[] linkEvent) {
        JsonNode detail = tree(linkEvent).path("detail");
        ObjectNode object = objects.addObject();
        object.put("bucket", detail.path("bucket").asText());
        object.put("key", detail.path("key").asText());
        object.put("eventType", detail.path("eventType").asText());
        return object;
    }

    private static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
