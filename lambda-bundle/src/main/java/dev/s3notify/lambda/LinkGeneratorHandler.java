package dev.s3notify.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.function.LinkFunction;
import dev.s3notify.core.links.LinkPipeline;
import dev.s3notify.core.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * The link-generator Lambda function: S3 events in (EventBridge, classic notifications, SQS, SNS), one
 * {@code file-link-generated} event per object out to EventBridge.
 *
 * <p>Configuration is read once, in the constructor (Lambda's init phase), so a misconfigured function fails at
 * cold start with every problem listed. An invocation that cannot do all its work throws, so AWS retries it or
 * parks it in a dead-letter queue; for SQS batches, only the failed messages are returned in
 * {@code batchItemFailures} (the event source mapping must have {@code ReportBatchItemFailures} enabled).
 *
 * <p>Under Lambda SnapStart, {@link #beforeCheckpoint} runs a sample event through an offline copy of the pipeline
 * (the SDK presigns with placeholder keys and builds and signs a PutEvents request it does not send) and then drops
 * every cached credential and pooled connection; {@link #afterRestore} drops them again.
 */
public final class LinkGeneratorHandler implements RequestStreamHandler, Resource {
    private static final ObjectMapper MAPPER = Json.MAPPER;

    private final LinkPipeline pipeline;

    /** The constructor Lambda calls: configuration from the process environment; registers the SnapStart hooks. */
    public LinkGeneratorHandler() {
        this(System.getenv(), LinkFunction.Overrides.none());
        Core.getGlobalContext().register(this);
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
        Instant now = Instant.now();
        // Every AWS call ends before Lambda would stop the invocation, so that it fails with a message instead.
        Instant deadline = context == null ? null : now.plusMillis(context.getRemainingTimeInMillis());
        handle(pipeline, input.readAllBytes(), output, now, deadline);
    }

    /**
     * Before a SnapStart snapshot: primes the code with a sample event (no network), then forgets what the snapshot
     * must not hold (credentials, the signing secret's keys, pooled connections, the jitter seed).
     *
     * @param context the CRaC context (unused)
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.run("link-generator", () -> handle(pipeline.primer(), Priming.sample("object-created.json"),
                OutputStream.nullOutputStream(), Instant.now(), null));
        pipeline.forgetCached();
    }

    /**
     * After a SnapStart restore: forgets anything cached since the snapshot hook ran; the first invocation fetches
     * credentials (and the signing secret) anew.
     *
     * @param context the CRaC context (unused)
     */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        pipeline.forgetCached();
    }

    private static void handle(LinkPipeline pipeline, byte[] input, OutputStream output, Instant now,
            Instant deadline) throws IOException {
        LinkPipeline.Outcome outcome = pipeline.handle(input, now, deadline);
        MAPPER.writeValue(output, Answers.of("published", outcome.published().size(), outcome.failedMessageIds()));
    }
}
