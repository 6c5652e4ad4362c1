package dev.s3notify.cli;

import dev.s3notify.core.support.Json;
import dev.s3notify.core.support.Log;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.dispatch.WebhookSender;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.function.DispatchPipeline;
import dev.s3notify.core.pacing.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code send-test}: posts a sample notification through the real dispatcher to the configured webhook, to check
 * it before deploying. Shows the webhook's host, never its URL.
 */
final class SendTestCommand implements Command {
    private static final ObjectMapper MAPPER = Json.MAPPER;
    /** The longest a 429's wait is waited for, all waits together: a person is waiting for the answer. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final Duration DEADLINE = Duration.ofMinutes(15);

    @Override
    public String name() {
        return "send-test";
    }

    @Override
    public String synopsis() {
        return "[--kind K] [--template T] [--route NAME]";
    }

    @Override
    public String summary() {
        return "post a sample notification to WEBHOOK_URL (or each route's webhook), to check it before deploying";
    }

    @Override
    public String help() {
        return """
                usage: s3notify send-test [--kind K] [--template T] [--route NAME]

                Posts a sample notification (an upload of s3-notify/send-test/sample-report.pdf, whose link does
                not work) through the dispatcher to the webhook in WEBHOOK_URL, or in the secret or parameter named
                by WEBHOOK_URL_SECRET_ARN or WEBHOOK_URL_PARAMETER, with the same retries as in Lambda. With a
                routes document (ROUTES, ROUTES_PARAMETER or ROUTES_FILE), to every route's webhook in turn,
                whatever the route's filters say, and to a route's fallback when its webhook refuses for good.

                  --kind K        the formatter (else WEBHOOK_KIND, else inferred from WEBHOOK_URL); s3notify
                                  kinds lists them
                  --template T    the Mustache template instead of MESSAGE_TEMPLATE
                  --route NAME    with routes, that route's webhook alone (--kind and --template do not apply
                                  with routes: each route has its own)

                Output (JSON): delivered, kind, host (never the URL), status (the HTTP status the webhook answered),
                attempts, and the body posted (as JSON when it is JSON); or, when the webhook refused it, the
                status and the platform's reason ("rateLimited": true when it asked to wait). A 429 (rate limited)
                whose Retry-After ends within 60 s, all waits together, is waited for and the message sent again;
                a longer one fails (exit 1). With routes: {"routes": [...]}, one such object per route, with
                "route" (its name) first, and "fallback" (the route that took it) when its webhook refused it.
                Exit codes: 0 delivered (to every route), 1 a webhook did not accept it, 2 bad usage or configuration (no
                webhook configured, say).
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("--kind", "--template", "--route");
    }

    @Override
    public int run(Options options, Console console) {
        options.requireNoWords(name());
        String kind = options.kind() == null ? null : KindChoice.checked(options.kind(), console);
        ObjectNode[] current = {MAPPER.createObjectNode()};
        DispatchPipeline dispatcher = Startup.create(() -> DispatchFunction.create(console.env(),
                new DispatchFunction.Overrides(false, (destination, request) -> posted(current[0], destination,
                        request), kind, options.template(), console.loader(), null).withRoute(options.route())));
        Instant end = Instant.now().plus(LONGEST_WAIT);
        if (!dispatcher.destinations().get(0).named()) {
            // One destination: the configured webhook.
            int exit = send(current[0], () -> dispatcher.deliverOne(SampleLinkEvent.created(Instant.now()),
                    Instant.now().plus(DEADLINE)).get(0), end, "", console);
            console.result(current[0]);
            return exit;
        }
        // Every route's webhook (or the one --route names), whatever its filters say: each is being checked.
        ObjectNode result = MAPPER.createObjectNode();
        ArrayNode routes = result.putArray("routes");
        int exit = Main.OK;
        for (Destination destination : dispatcher.destinations()) {
            if (options.route() != null && !destination.name().equals(options.route())) {
                continue; // built as the chosen route's fallback: it gets the message only if the route refuses
            }
            current[0] = routes.addObject().put("route", destination.name());
            exit = Math.max(exit, send(current[0], () -> dispatcher.deliverTo(destination.name(),
                    SampleLinkEvent.created(Instant.now()), Instant.now().plus(DEADLINE)), end,
                    "route " + destination.name() + ": ", console));
        }
        console.result(result);
        return exit;
    }

    /** What the webhook accepted, from the dispatcher: where (a route's fallback, when it took it) and the body. */
    private static void posted(ObjectNode result, Destination destination, WebhookRequest request) {
        result.put("delivered", true).put("kind", destination.kind()).put("host", destination.host());
        if (destination.routing().redirectedFrom() != null) {
            result.put("fallback", destination.name());
        }
        result.set("body", Bodies.of(request));
    }

    /** Sends the sample once (waiting out a short 429), records the answer in {@code result}, and says it. */
    private static int send(ObjectNode result, Supplier<WebhookSender.Delivered> post, Instant end, String who,
            Console console) {
        try {
            WebhookSender.Delivered answer = deliver(post, end, console);
            result.put("status", answer.status()).put("attempts", answer.attempts());
        } catch (DeliveryException | RateLimitedException e) {
            result.put("delivered", false);
            if (e instanceof DeliveryException refused && refused.status() != 0) {
                result.put("status", refused.status());
            }
            if (e instanceof RateLimitedException) {
                result.put("rateLimited", true);
            }
            result.put("error", Main.describe(e));
            console.say(Log.Level.ERROR, "s3notify: " + who + "the test message was not delivered: "
                    + Main.describe(e));
            return Main.FAILED;
        }
        console.say(Log.Level.INFO, "s3notify: " + who + "the " + result.get("kind").asText() + " webhook at "
                + result.get("host").asText() + " accepted the test message (HTTP " + result.get("status") + ")"
                + (result.has("fallback") ? ", as the fallback route " + result.get("fallback").asText() : "")
                + ".");
        return Main.OK;
    }

    /**
     * Sends the sample; a 429 whose wait ends before {@code end} is waited for and the sample sent again, as a person
     * checking a webhook would (the functions hand such a message back to the queue instead).
     */
    private static WebhookSender.Delivered deliver(Supplier<WebhookSender.Delivered> post, Instant end,
            Console console) {
        while (true) {
            try {
                return post.get();
            } catch (RateLimitedException e) {
                Duration wait = e.retryAfter();
                if (Instant.now().plus(wait).isAfter(end)) {
                    throw new RateLimitedException(e.getMessage() + "; send-test waits " + LONGEST_WAIT.toSeconds()
                            + " s at most, so try again later", e.retryAfter());
                }
                console.say(Log.Level.WARN, "s3notify: warning: the webhook is rate limited: waiting "
                        + (wait.toMillis() + 999) / 1000 + " s as it asked, then sending again (send-test waits up"
                        + " to " + LONGEST_WAIT.toSeconds() + " s)");
                sleep(wait);
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while waiting for the webhook's rate limit");
        }
    }
}
