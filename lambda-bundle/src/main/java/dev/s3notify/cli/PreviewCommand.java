package dev.s3notify.cli;

import dev.s3notify.core.DispatchFunction;
import dev.s3notify.core.DispatchPipeline;
import dev.s3notify.core.WebhookRequest;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code preview}: the exact body the dispatcher would post for an event file, nothing sent. An S3 event goes
 * through the link generator first (a dry run); a link event goes straight to the formatter. One body per line.
 */
final class PreviewCommand {
    private final Map<String, String> env;
    private final PrintStream out;

    PreviewCommand(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    int run(Options options) {
        if (!options.words().isEmpty()) {
            throw new Main.UsageException("preview takes no words, only --event FILE [--kind K] [--template T]");
        }
        byte[] event = EventFiles.read(options.requireEvent());
        List<byte[]> linkEvents = EventFiles.isS3Event(event) ? EventFiles.toLinkEvents(event, env) : List.of(event);
        List<WebhookRequest> requests = new ArrayList<>();
        DispatchPipeline pipeline = DispatchFunction.create(env, new DispatchFunction.Overrides(true,
                (destination, request) -> requests.add(request), options.kind(), options.template(), null, null));
        int failed = 0;
        for (byte[] linkEvent : linkEvents) {
            failed += pipeline.handle(linkEvent, Instant.now().plusSeconds(60)).failedMessageIds().size();
        }
        requests.forEach(request -> out.println(request.body()));
        return failed == 0 ? Main.OK : Main.FAILED;
    }
}
