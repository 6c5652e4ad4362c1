package dev.s3notify.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.function.DispatchPipeline;
import dev.s3notify.core.pacing.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@code send-test}: posts a sample notification through the real dispatcher to the configured webhook, to check
 * it before deploying. Shows the webhook's host, never its URL.
 */
final class SendTestCommand implements Command {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String name() {
        return "send-test";
    }

    @Override
    public String synopsis() {
        return "[--kind K] [--template T]";
    }

    @Override
    public String summary() {
        return "post a sample notification to WEBHOOK_URL, to check the webhook before deploying";
    }

    @Override
    public String help() {
        return """
                usage: s3notify send-test [--kind K] [--template T]

                Posts a sample notification (an upload of s3-notify/send-test/sample-report.pdf, whose link does
                not work) through the dispatcher to the webhook in WEBHOOK_URL, or in the secret or parameter named
                by WEBHOOK_URL_SECRET_ARN or WEBHOOK_URL_PARAMETER, with the same retries as in Lambda.

                  --kind K        the formatter (else WEBHOOK_KIND, else inferred from WEBHOOK_URL); s3notify
                                  kinds lists them
                  --template T    the Mustache template instead of MESSAGE_TEMPLATE

                Output (JSON): delivered, kind, host (never the URL), status, and the body posted (as JSON when
                it is JSON); or, when the webhook refused it, the platform's reason.
                Exit codes: 0 delivered, 1 the webhook did not accept it, 2 bad usage or configuration (no
                webhook configured, say).
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("--kind", "--template");
    }

    @Override
    public int run(Options options, Console console) {
        options.requireNoWords(name());
        ObjectNode result = MAPPER.createObjectNode();
        String kind = options.kind() == null ? null : KindChoice.checked(options.kind(), console);
        DispatchPipeline dispatcher = Startup.create(() -> DispatchFunction.create(console.env(),
                new DispatchFunction.Overrides(false, (destination, request) -> result.put("delivered", true)
                        .put("kind", destination.kind()).put("host", destination.host())
                        .put("status", "accepted").set("body", Bodies.of(request)),
                        kind, options.template(), console.loader(), null)));
        try {
            dispatcher.handle(SampleLinkEvent.created(Instant.now()), Instant.now().plus(Duration.ofMinutes(15)));
        } catch (DeliveryException | RateLimitedException e) {
            result.put("delivered", false).put("error", Main.describe(e));
            console.out().println(result.toPrettyString());
            console.err().println("s3notify: the test message was not delivered: " + Main.describe(e));
            return Main.FAILED;
        }
        console.out().println(result.toPrettyString());
        console.err().println("s3notify: the " + result.get("kind").asText() + " webhook at "
                + result.get("host").asText() + " accepted the test message.");
        return Main.OK;
    }
}
