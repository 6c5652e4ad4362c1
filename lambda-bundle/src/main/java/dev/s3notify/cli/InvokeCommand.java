package dev.s3notify.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.EventEntry;
import dev.s3notify.core.LinkFunction;
import dev.s3notify.lambda.LinkGeneratorHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code invoke link-generator}: the real handler, in this process, on a local event file. */
final class InvokeCommand {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, String> env;
    private final PrintStream out;

    InvokeCommand(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    int run(Options options) {
        if (options.words().size() != 1 || !options.words().get(0).equals("link-generator")) {
            throw new Main.UsageException("invoke takes one function name: link-generator");
        }
        byte[] event = read(options.requireEvent());
        List<EventEntry> published = new ArrayList<>();
        LinkGeneratorHandler handler = new LinkGeneratorHandler(env,
                new LinkFunction.Overrides(options.dryRun(), published::addAll, null, null, null));
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), response, new LocalContext("link-generator"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode result = MAPPER.createObjectNode();
        result.put("dryRun", options.dryRun());
        ArrayNode entries = result.putArray(options.dryRun() ? "wouldPublish" : "published");
        published.forEach(entry -> entries.add(json(entry)));
        ArrayNode failures;
        try {
            failures = (ArrayNode) MAPPER.readTree(response.toByteArray()).get("batchItemFailures");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.set("batchItemFailures", failures);
        out.println(result.toPrettyString());
        return failures.isEmpty() ? Main.OK : Main.FAILED;
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

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Main.UsageException("no such event file: " + file);
        } catch (IOException e) {
            throw new Main.UsageException("cannot read the event file " + file + ": " + e.getMessage());
        }
    }
}
