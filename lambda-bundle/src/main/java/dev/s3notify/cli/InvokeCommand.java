package dev.s3notify.cli;

import dev.s3notify.core.support.Json;
import dev.s3notify.core.text.Suggestions;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.function.DispatchPipeline;
import dev.s3notify.core.EventEntry;
import dev.s3notify.core.function.LinkFunction;
import dev.s3notify.lambda.LinkGeneratorHandler;
import dev.s3notify.lambda.WebhookDispatcherHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code invoke link-generator|webhook-dispatcher}: the real handler, in this process, on a local event file. */
final class InvokeCommand implements Command {
    private static final ObjectMapper MAPPER = Json.MAPPER;
    private static final List<String> FUNCTIONS = List.of("link-generator", "webhook-dispatcher");

    @Override
    public String name() {
        return "invoke";
    }

    @Override
    public String synopsis() {
        return "link-generator|webhook-dispatcher --event FILE [--dry-run] [--kind K] [--template T]";
    }

    @Override
    public String summary() {
        return "run one Lambda handler as Lambda would, on the event in FILE; print what it published or posted";
    }

    @Override
    public String help() {
        return """
                usage: s3notify invoke link-generator --event FILE [--dry-run]
                       s3notify invoke webhook-dispatcher --event FILE [--kind K] [--template T]

                Runs one of the two Lambda handlers in this process, as Lambda would, with the environment as its
                configuration.

                  --event FILE        the event file; - reads standard input
                  link-generator      FILE holds an S3 event in any shape (EventBridge, S3 notification, SQS, SNS).
                                      Publishes to EventBridge and prints what was published as JSON.
                    --dry-run         publish nothing and print what would be published; without AWS credentials
                                      links are signed with placeholder keys (they will not work)
                  webhook-dispatcher  FILE holds a file-link-generated event (EventBridge event, SQS batch of
                                      them, or the old system's detail). Posts to WEBHOOK_URL and prints what was
                                      delivered as JSON (each body as JSON when it is JSON); for an SQS batch
                                      also "messages": per destination, the messages posted and the files each
                                      covered (a digest for several).
                    --kind K          the formatter (else WEBHOOK_KIND, else inferred from WEBHOOK_URL)
                    --template T      the Mustache template instead of MESSAGE_TEMPLATE

                An SQS batch that mixes both kinds goes to the function, which reports each message it does not
                take as a batch item failure, as on Lambda.

                Exit codes: 0 success, 1 the invocation failed or a batch item failed, 2 bad usage or
                configuration (a file that is not an event, or only events for the other function).
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("--event", "--dry-run", "--kind", "--template");
    }

    @Override
    public List<String> words() {
        return FUNCTIONS;
    }

    @Override
    public int run(Options options, Console console) {
        String function = options.words().size() == 1 ? options.words().get(0) : "";
        return switch (function) {
            case "link-generator" -> {
                if (options.kind() != null || options.template() != null) {
                    throw new Main.UsageException("--kind and --template are for webhook-dispatcher");
                }
                yield linkGenerator(options, console);
            }
            case "webhook-dispatcher" -> {
                if (options.dryRun()) {
                    throw new Main.UsageException("webhook-dispatcher has no --dry-run; use: s3notify preview");
                }
                yield webhookDispatcher(options, console);
            }
            default -> throw new Main.UsageException(function.isEmpty() || options.words().size() > 1
                    ? "invoke takes one function name: link-generator or webhook-dispatcher"
                    : "unknown function '" + function + "'" + Suggestions.didYouMean(function, FUNCTIONS));
        };
    }

    private int linkGenerator(Options options, Console console) {
        byte[] event = EventFiles.read(options.requireEvent(), console);
        EventFiles.known(event);
        if (EventFiles.forTheOtherFunction(event, EventFiles.Shape.LINK, EventFiles.Shape.S3)) {
            throw new Main.UsageException("the event is a file-link-generated event, which the link generator does"
                    + " not take: use s3notify invoke webhook-dispatcher (or preview) for it");
        }
        List<EventEntry> published = new ArrayList<>();
        LinkGeneratorHandler handler = Startup.create(() -> new LinkGeneratorHandler(console.env(),
                new LinkFunction.Overrides(options.dryRun(), published::addAll, null, null, console.loader())));
        JsonNode response = invoke(handler, event, "link-generator");
        ObjectNode result = MAPPER.createObjectNode();
        result.put("dryRun", options.dryRun());
        ArrayNode entries = result.putArray(options.dryRun() ? "wouldPublish" : "published");
        published.forEach(entry -> entries.add(json(entry)));
        return finish(result, response, console);
    }

    private int webhookDispatcher(Options options, Console console) {
        byte[] event = EventFiles.read(options.requireEvent(), console);
        EventFiles.known(event);
        if (EventFiles.forTheOtherFunction(event, EventFiles.Shape.S3, EventFiles.Shape.LINK)) {
            throw new Main.UsageException("the event is an S3 event, which the webhook dispatcher does not take:"
                    + " use s3notify invoke link-generator, or s3notify run for both functions");
        }
        ArrayNode delivered = MAPPER.createArrayNode();
        String kind = options.kind() == null ? null : KindChoice.checked(options.kind(), console);
        WebhookDispatcherHandler handler = Startup.create(() -> new WebhookDispatcherHandler(console.env(),
                new DispatchFunction.Overrides(false, (destination, request) -> delivered.addObject()
                        .put("kind", destination.kind()).put("host", destination.host())
                        .set("body", Bodies.of(request)), kind, options.template(), console.loader(), null)));
        DispatchPipeline.Outcome outcome = handler.invoke(event, new LocalContext("webhook-dispatcher"));
        ObjectNode result = MAPPER.createObjectNode();
        result.set("delivered", delivered);
        if (outcome.batch() != null) {
            BatchReport.add(result, outcome.batch());
        }
        return finish(result, WebhookDispatcherHandler.response(outcome), console);
    }

    private static int finish(ObjectNode result, JsonNode response, Console console) {
        ArrayNode failures = (ArrayNode) response.get("batchItemFailures");
        result.set("batchItemFailures", failures);
        console.result(result);
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
