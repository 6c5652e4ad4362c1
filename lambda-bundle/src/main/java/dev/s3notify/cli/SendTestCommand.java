package dev.s3notify.cli;

import dev.s3notify.core.support.Json;
import dev.s3notify.core.support.Log;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.dispatch.WebhookSender;
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

                Output (JSON): delivered, kind, host (never the URL), status (the HTTP status the webhook answered),
                attempts, and the body posted (as JSON when it is JSON); or, when the webhook refused it, the
                status and the platform's reason ("rateLimited": true when it asked to wait). A 429 (rate limited)
                whose Retry-After ends within 60 s, all waits together, is waited for and the message sent again;
                a longer one fails (exit 1).
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
                        .set("body", Bodies.of(request)), kind, options.template(), console.loader(), null)));
        Instant end = Instant.now().plus(LONGEST_WAIT);
        try {
            WebhookSender.Delivered answer = deliver(dispatcher, end, console);
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
            console.result(result);
            console.say(Log.Level.ERROR, "s3notify: the test message was not delivered: " + Main.describe(e));
            return Main.FAILED;
        }
        console.result(result);
        console.say(Log.Level.INFO, "s3notify: the " + result.get("kind").asText() + " webhook at "
                + result.get("host").asText() + " accepted the test message (HTTP " + result.get("status") + ").");
        return Main.OK;
    }

    /**
     * Sends the sample; a 429 whose wait ends before {@code end} is waited for and the sample sent again, as a person
     * checking a webhook would (the functions hand such a message back to the queue instead).
     */
    private static WebhookSender.Delivered deliver(DispatchPipeline dispatcher, Instant end, Console console) {
        while (true) {
            try {
                // One destination: the configured webhook.
                return dispatcher.deliverOne(SampleLinkEvent.created(Instant.now()), Instant.now().plus(DEADLINE))
                        .get(0);
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
