package dev.s3notify.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.LinkFunction;
import dev.s3notify.core.LinkPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;

/**
 * The link-generator Lambda function: S3 events in (EventBridge, classic notifications, SQS, SNS), one
 * {@code file-link-generated} event per object out to EventBridge.
 *
 * <p>Configuration is read once, in the constructor (Lambda's init phase), so a misconfigured function fails at
 * cold start with every problem listed. An invocation that cannot do all its work throws, so AWS retries it or
 * parks it in a dead-letter queue; for SQS batches, only the failed messages are returned in
 * {@code batchItemFailures} (the event source mapping must have {@code ReportBatchItemFailures} enabled).
 */
public final class LinkGeneratorHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LinkPipeline pipeline;

    /** The constructor Lambda calls: configuration from the process environment. */
    public LinkGeneratorHandler() {
        this(System.getenv(), LinkFunction.Overrides.none());
    }

    /**
     * @param env the configuration
     * @param overrides what replaces the defaults (the command line's dry run, tests)
     */
    public LinkGeneratorHandler(Map<String, String> env, LinkFunction.Overrides overrides) {
        this.pipeline = LinkFunction.create(env, overrides);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LinkPipeline.Outcome outcome = pipeline.handle(input.readAllBytes(), Instant.now());
        ObjectNode response = MAPPER.createObjectNode();
        response.put("published", outcome.published().size());
        ArrayNode failures = response.putArray("batchItemFailures");
        outcome.failedMessageIds().forEach(id -> failures.addObject().put("itemIdentifier", id));
        MAPPER.writeValue(output, response);
    }
}
