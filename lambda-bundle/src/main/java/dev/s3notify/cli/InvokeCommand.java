package dev.s3notify.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.DispatchFunction;
import dev.s3notify.core.EventEntry;
import dev.s3notify.core.LinkFunction;
import dev.s3notify.lambda.LinkGeneratorHandler;
import dev.s3notify.lambda.WebhookDispatcherHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code invoke link-generator|webhook-dispatcher}: the real handler, in this process, on a local event file. */
final class InvokeCommand {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> env;
    private final PrintStream out;

    InvokeCommand(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    int run(Options options) {
        String function = options.words().size() == 1 ? options.words().get(0) : "";
        return switch (function) {
            case "link-generator" -> linkGenerator(options);
            case "webhook-dispatcher" -> {
                if (options.dryRun()) {
                    throw new Main.UsageException("webhook-dispatcher has no --dry-run; use: s3notify preview");
                }
                yield webhookDispatcher(options);
            }
            default -> throw new Main.UsageException("invoke takes one function name: link-generator or"
                    + " webhook-dispatcher");
        };
    }

    private int linkGenerator(Options options) {
        byte[] event = EventFiles.read(options.requireEvent());
        List<EventEntry> published = new ArrayList<>();
        LinkGeneratorHandler handler = new LinkGeneratorHandler(env,
                new LinkFunction.Overrides(options.dryRun(), published::addAll, null, null, null));
        JsonNode response = invoke(handler, event, "link-generator");
        ObjectNode result = MAPPER.createObjectNode();
        result.put("dryRun", options.dryRun());
        ArrayNode entries = result.putArray(options.dryRun() ? "wouldPublish" : "published");
        published.forEach(entry -> entries.add(json(entry)));
        return finish(result, response);
    }

    private int webhookDispatcher(Options options) {
        byte[] event = EventFiles.read(options.requireEvent());
        ArrayNode delivered = MAPPER.createArrayNode();
        WebhookDispatcherHandler handler = new WebhookDispatcherHandler(env, new DispatchFunction.Overrides(false,
                (destination, request) -> delivered.addObject().put("kind", destination.formatter().kind())
                        .put("host", destination.host()).put("body", request.body()),
                options.kind(), options.template(), null, null));
        JsonNode response = invoke(handler, event, "webhook-dispatcher");
        ObjectNode result = MAPPER.createObjectNode();
        result.set("delivered", delivered);
        return finish(result, response);
    }

    private int finish(ObjectNode result, JsonNode response) {
        ArrayNode failures = (ArrayNode) response.get("batchItemFailures");
        result.set("batchItemFailures", failures);
        out.println(result.toPrettyString());
        return failures.isEmpty() ? Main.OK : Main.FAILED;
    }

    private static JsonNode invoke(RequestStreamHandler handler, byte[] event, String function) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), response, new LocalContext(function));
            return MAPPER.readTree(response.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode json(EventEntry entry) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("Source", entry.source());
        node.put("DetailType", entry.detailType());
        node.put("EventBusName", entry.eventBusName());
        ArrayNode resources = node.putArray("Resources");
        entry.resources().forEach(resources::add);
        try {
            node.set("Detail", MAPPER.readTree(entry.detail()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return node;
    }
}
