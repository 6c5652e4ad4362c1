package dev.s3notify.cli;

import dev.s3notify.core.Destination;
import dev.s3notify.core.DispatchFunction;
import dev.s3notify.core.DispatchPipeline;
import dev.s3notify.core.S3NotifyException;
import dev.s3notify.core.Settings;
import dev.s3notify.core.Variables;
import dev.s3notify.core.WebhookRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code run}: the whole pipeline in this process. The S3 event goes through the link generator, its
 * {@code file-link-generated} events over an in-memory bus (never EventBridge), and each through the dispatcher to
 * the webhook; with no webhook configured, the bodies are printed instead (preview mode).
 */
final class RunCommand implements Command {
    /** The formatter a preview uses when nothing names one: the first try needs no configuration. */
    static final String PREVIEW_KIND = "discord";
    private static final Duration DEADLINE = Duration.ofMinutes(15);

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String synopsis() {
        return "--event FILE [--kind K] [--template T]";
    }

    @Override
    public String summary() {
        return "the whole pipeline on an S3 event: make the link, format the message, post it (or preview it)";
    }

    @Override
    public String help() {
        return """
                usage: s3notify run --event FILE [--kind K] [--template T]

                Runs both functions in this process on the S3 event in FILE (any shape: EventBridge, S3
                notification, SQS, SNS): the link generator makes a link per object, its file-link-generated
                events go over an in-memory bus (nothing is published to EventBridge), and the dispatcher formats
                each message and posts it to the webhook.

                  --event FILE    the S3 event file
                  --kind K        the formatter (else WEBHOOK_KIND, else inferred from WEBHOOK_URL); s3notify
                                  kinds lists them
                  --template T    the Mustache template instead of MESSAGE_TEMPLATE

                Preview mode: with none of WEBHOOK_URL, WEBHOOK_URL_SECRET_ARN and WEBHOOK_URL_PARAMETER set,
                nothing is sent; each body is printed instead, formatted as discord unless --kind or WEBHOOK_KIND
                names another formatter. Links: with AWS credentials in the environment (AWS_ACCESS_KEY_ID, or the
                container credentials variables) they are signed with them and work; without, they are signed
                with placeholder keys and will not work.

                Output (JSON): "mode" (preview or delivery), "objects" (per object: bucket, key, eventType, kind,
                the webhook's host when delivering (never its URL), contentType, the body posted or previewed (as
                JSON when it is JSON), delivered, and the error when not), "failedMessages" (SQS messages the link
                generator could not handle).
                Exit codes: 0 every message delivered (or previewed), 1 a message was not, 2 bad usage or
                configuration.
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("--event", "--kind", "--template");
    }

    @Override
    public int run(Options options, Console console) {
        options.requireNoWords(name());
        byte[] event = EventFiles.read(options.requireEvent());
        Settings settings = new Settings(console.env());
        boolean preview = Stream.of(Variables.WEBHOOK_URL, Variables.WEBHOOK_URL_SECRET_ARN,
                Variables.WEBHOOK_URL_PARAMETER).noneMatch(settings::isSet);
        String kind = preview ? previewKind(options, settings, console) : options.kind();
        RunReport report = new RunReport(preview);
        Delivery delivery = new Delivery(report);
        DispatchPipeline dispatcher = DispatchFunction.create(console.env(), new DispatchFunction.Overrides(preview,
                delivery::handled, kind, options.template(), console.loader(), null));
        LinkBus.Handed handed = LinkBus.handOver(event, console);
        for (byte[] linkEvent : handed.events()) {
            delivery.current = linkEvent;
            try {
                dispatcher.handle(linkEvent, Instant.now().plus(DEADLINE));
            } catch (S3NotifyException e) {
                report.failed(linkEvent, e.getMessage());
                console.err().println("s3notify: not " + (preview ? "formatted" : "delivered") + ": "
                        + e.getMessage());
            }
        }
        int exit = report.print(handed.failedMessageIds(), console.out());
        console.err().println(summary(preview, report, handed));
        return exit;
    }

    /** Says that nothing will be sent, and picks discord when nothing names a formatter. */
    private static String previewKind(Options options, Settings settings, Console console) {
        console.err().println("s3notify: preview mode: WEBHOOK_URL (or WEBHOOK_URL_SECRET_ARN,"
                + " WEBHOOK_URL_PARAMETER) is not set, so nothing is sent; set it to deliver.");
        if (options.kind() != null || settings.isSet(Variables.WEBHOOK_KIND)) {
            return options.kind();
        }
        console.err().println("s3notify: previewing as " + PREVIEW_KIND + "; --kind K or WEBHOOK_KIND picks"
                + " another (s3notify kinds lists them).");
        return PREVIEW_KIND;
    }

    private static String summary(boolean preview, RunReport report, LinkBus.Handed handed) {
        int objects = handed.events().size();
        String failedMessages = handed.failedMessageIds().isEmpty() ? ""
                : "; " + handed.failedMessageIds().size() + " SQS message(s) could not be handled (see the log above)";
        if (objects == 0) {
            return "s3notify: the event names no object to notify about (an S3 test event?)" + failedMessages;
        }
        return "s3notify: " + (preview ? "previewed " + (objects - report.failedCount()) + " of " + objects
                + " message(s); nothing was sent" : "delivered " + report.delivered() + " of " + objects
                + " message(s)") + failedMessages;
    }

    /** Hands each request the dispatcher formats (or delivers) to the report, with the event it came from. */
    private static final class Delivery {
        private final RunReport report;
        private byte[] current;

        Delivery(RunReport report) {
            this.report = report;
        }

        void handled(Destination destination, WebhookRequest request) {
            report.handled(current, destination, request);
        }
    }
}
