package dev.s3notify.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.DispatchFunction;
import dev.s3notify.core.DispatchPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The webhook-dispatcher Lambda function: {@code file-link-generated} events in (from EventBridge, or batched in
 * SQS), one message per event out to the configured webhook.
 *
 * <p>Configuration is read once, in the constructor (Lambda's init phase). An invocation whose message is not
 * accepted throws, so EventBridge's retry policy and the dead-letter queue take over; for SQS batches only the
 * failed messages are returned in {@code batchItemFailures} ({@code ReportBatchItemFailures} must be enabled).
 * Retries never wait past the function's deadline less {@link #DEADLINE_MARGIN}.
 */
public final class WebhookDispatcherHandler implements RequestStreamHandler {
    /** Time kept back from the Lambda deadline to fail cleanly instead of being cut off. */
    public static final Duration DEADLINE_MARGIN = Duration.ofMillis(1500);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DispatchPipeline pipeline;

    /** The constructor Lambda calls: configuration from the process environment. */
    public WebhookDispatcherHandler() {
        this(System.getenv(), DispatchFunction.Overrides.none());
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
        Instant deadline = Instant.now().plusMillis(context.getRemainingTimeInMillis()).minus(DEADLINE_MARGIN);
        DispatchPipeline.Outcome outcome = pipeline.handle(input.readAllBytes(), deadline);
        ObjectNode response = MAPPER.createObjectNode();
        response.put("delivered", outcome.delivered());
        ArrayNode failures = response.putArray("batchItemFailures");
        outcome.failedMessageIds().forEach(id -> failures.addObject().put("itemIdentifier", id));
        MAPPER.writeValue(output, response);
    }
}
