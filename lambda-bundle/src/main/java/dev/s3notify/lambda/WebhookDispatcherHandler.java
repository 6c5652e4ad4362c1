package dev.s3notify.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.function.DispatchPipeline;
import dev.s3notify.core.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * The webhook-dispatcher Lambda function: {@code file-link-generated} events in (from EventBridge: one message per
 * event; or batched in SQS: one message per destination and batch, a digest when there are several files) out to
 * the configured webhook.
 *
 * <p>Configuration is read once, in the constructor (Lambda's init phase). An invocation whose message is not
 * accepted throws, so EventBridge's retry policy and the dead-letter queue take over; for SQS batches only the
 * failed messages are returned in {@code batchItemFailures} ({@code ReportBatchItemFailures} must be enabled).
 * Retries never wait past the function's deadline less {@link #DEADLINE_MARGIN}.
 *
 * <p>Under Lambda SnapStart, {@link #beforeCheckpoint} formats a sample event without sending it and then drops
 * pooled connections; {@link #afterRestore} drops them again.
 */
public final class WebhookDispatcherHandler implements RequestStreamHandler, Resource {
    /** Time kept back from the Lambda deadline to fail cleanly instead of being cut off. */
    public static final Duration DEADLINE_MARGIN = Duration.ofMillis(1500);
    private static final ObjectMapper MAPPER = Json.MAPPER;
    private static final Duration PRIMING_DEADLINE = Duration.ofSeconds(30);

    private final DispatchPipeline pipeline;

    /** The constructor Lambda calls: configuration from the process environment; registers the SnapStart hooks. */
    public WebhookDispatcherHandler() {
        this(System.getenv(), DispatchFunction.Overrides.none());
        Core.getGlobalContext().register(this);
    }

    /**
     * @param env the configuration
     * @param overrides what replaces the defaults (the command line, tests)
     */
    public WebhookDispatcherHandler(Map<String, String> env, DispatchFunction.Overrides overrides) {
        this.pipeline = DispatchFunction.create(env, overrides);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        MAPPER.writeValue(output, response(invoke(input.readAllBytes(), context)));
    }

    /**
     * What {@link #handleRequest} does, with the outcome in full (the command line prints which files each message
     * covered).
     *
     * @param input the invocation payload
     * @param context the invocation's context, for its deadline
     * @return the outcome
     */
    public DispatchPipeline.Outcome invoke(byte[] input, Context context) {
        Instant deadline = Instant.now().plusMillis(context.getRemainingTimeInMillis()).minus(DEADLINE_MARGIN);
        return pipeline.handle(input, deadline);
    }

    /**
     * @param outcome an invocation's outcome
     * @return what Lambda gets back: how many were delivered and the SQS batch item failures
     */
    public static ObjectNode response(DispatchPipeline.Outcome outcome) {
        return Answers.of("delivered", outcome.delivered(), outcome.failedMessageIds());
    }

    /**
     * Before a SnapStart snapshot: primes the code by formatting a sample event (nothing is sent), then forgets
     * pooled connections and the jitter seed.
     *
     * @param context the CRaC context (unused)
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.run("webhook-dispatcher", () -> handle(pipeline.primer(), Priming.sample("file-link-generated.json"),
                Instant.now().plus(PRIMING_DEADLINE), OutputStream.nullOutputStream()));
        pipeline.forgetCached();
    }

    /**
     * After a SnapStart restore: forgets anything cached since the snapshot hook ran.
     *
     * @param context the CRaC context (unused)
     */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        pipeline.forgetCached();
    }

    private static void handle(DispatchPipeline pipeline, byte[] input, Instant deadline, OutputStream output)
            throws IOException {
        MAPPER.writeValue(output, response(pipeline.handle(input, deadline)));
    }
}
