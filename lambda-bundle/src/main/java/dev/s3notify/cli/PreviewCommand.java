package dev.s3notify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.function.DispatchPipeline;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.support.Json;
import dev.s3notify.core.support.Log;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code preview}: the exact body the dispatcher would post for an event file, nothing sent. An S3 event goes
 * through the link generator first (a dry run); a link event goes straight to the formatter. One body per line.
 */
final class PreviewCommand implements Command {
    private static final ObjectMapper MAPPER = Json.MAPPER;


    @Override
    public String name() {
        return "preview";
    }

    @Override
    public String synopsis() {
        return "--event FILE [--kind K] [--template T] [--route NAME]";
    }

    @Override
    public String summary() {
        return "print the exact body the dispatcher would post for FILE, one per line; nothing is sent";
    }

    @Override
    public String help() {
        return """
                usage: s3notify preview --event FILE [--kind K] [--template T] [--route NAME]

                Prints the exact body the dispatcher would post, one per line, sending nothing. FILE may hold an
                S3 event (it goes through a link-generator dry run first) or a file-link-generated event. With a
                routes document (ROUTES, ROUTES_PARAMETER or ROUTES_FILE), one body per route that takes the event,
                each line starting with "route NAME: " (in JSON lines, {"route": NAME, "body": ...}).

                  --event FILE    the event file; - reads standard input
                  --kind K        the formatter (else WEBHOOK_KIND, else inferred from WEBHOOK_URL, else discord,
                                  said on standard error); s3notify kinds lists them
                  --template T    the Mustache template instead of MESSAGE_TEMPLATE
                  --route NAME    with routes, that route alone, its bodies unlabelled (--kind and --template do
                                  not apply with routes: each route has its own)

                Exit codes: 0 every body formatted, 1 a message could not be handled, 2 bad usage or
                configuration (a file that is not an event).
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("--event", "--kind", "--template", "--route");
    }

    @Override
    public int run(Options options, Console console) {
        options.requireNoWords(name());
        byte[] event = EventFiles.read(options.requireEvent(), console);
        String kind = KindChoice.choose(options, console, true);
        List<Formatted> requests = new ArrayList<>();
        Startup.Pipelines started = Startup.both(EventFiles.known(event), () -> DispatchFunction.create(
                console.env(), new DispatchFunction.Overrides(true, (destination, request) -> {
                    // With --route, its fallbacks are built too (a refusal would go there); only its bodies show.
                    if (options.route() == null || destination.name().equals(options.route())) {
                        requests.add(new Formatted(destination, request));
                    }
                }, kind, options.template(), console.loader(), null)
                        .withRoute(options.route())), () -> { }, console);
        DispatchPipeline pipeline = started.dispatcher();
        LinkBus.Handed handed = started.linkEvents(event);
        int failed = handed.failedMessageIds().size();
        int unrouted = 0;
        for (byte[] linkEvent : handed.events()) {
            int before = requests.size();
            failed += pipeline.handle(linkEvent, Instant.now().plusSeconds(60)).failedMessageIds().size();
            unrouted += requests.size() == before ? 1 : 0;
        }
        boolean labelled = options.route() == null && DispatchFunction.routed(console.env());
        requests.forEach(formatted -> print(formatted, labelled, console));
        if (unrouted > 0 && DispatchFunction.routed(console.env())) {
            console.say(Log.Level.INFO, "s3notify: " + unrouted + (unrouted == 1 ? " event" : " events") + " matched"
                    + " no route" + (options.route() == null ? "" : " of those chosen") + ": nothing would be posted"
                    + " for " + (unrouted == 1 ? "it" : "them") + " (s3notify routes --event FILE says why)");
        }
        return failed == 0 ? Main.OK : Main.FAILED;
    }

    /** In JSON lines each body is one line: as JSON when it is JSON, else as {"body": text}; with routes, labelled. */
    private static void print(Formatted formatted, boolean labelled, Console console) {
        WebhookRequest request = formatted.request();
        String route = formatted.destination().name();
        if (console.jsonLines()) {
            JsonNode body = Bodies.of(request);
            console.out().println(labelled ? MAPPER.createObjectNode().put("route", route).set("body", body)
                    : body.isTextual() ? MAPPER.createObjectNode().set("body", body) : body);
        } else {
            console.out().println((labelled ? "route " + route + ": " : "") + request.body());
        }
    }

    /** A body formatted, with the destination (the route) it was formatted for. */
    private record Formatted(Destination destination, WebhookRequest request) {
    }
}
