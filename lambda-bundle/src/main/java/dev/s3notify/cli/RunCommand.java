package dev.s3notify.cli;

import dev.s3notify.core.support.Log;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.function.DispatchPipeline;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.config.Settings;
import dev.s3notify.core.config.Variables;
import dev.s3notify.core.WebhookRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code run}: the whole pipeline in this process. The S3 event goes through the link generator, its
 * {@code file-link-generated} events over an in-memory bus (never EventBridge), and each through the dispatcher to
 * the webhook; with no webhook configured, the bodies are printed instead (preview mode). A link event skips the
 * link generator.
 */
final class RunCommand implements Command {
    private static final Duration DEADLINE = Duration.ofMinutes(15);

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String synopsis() {
        return "--event FILE [--kind K] [--template T] [--allow-broken-links]";
    }

    @Override
    public String summary() {
        return "the whole pipeline on an S3 event: make the link, format the message, post it (or preview it)";
    }

    @Override
    public String help() {
        return """
                usage: s3notify run --event FILE [--kind K] [--template T] [--allow-broken-links]

                Runs both functions in this process on the S3 event in FILE (any shape: EventBridge, S3
                notification, SQS, SNS): the link generator makes a link per object, its file-link-generated
                events go over an in-memory bus (nothing is published to EventBridge), and the dispatcher formats
                each message and posts it to the webhook. A file-link-generated event skips the link generator.

                  --event FILE          the event file; - reads standard input
                  --kind K              the formatter (else WEBHOOK_KIND, else inferred from WEBHOOK_URL);
                                        s3notify kinds lists them
                  --template T          the Mustache template instead of MESSAGE_TEMPLATE
                  --allow-broken-links  post even without AWS credentials, with links signed with placeholder
                                        keys that do not work

                Preview mode: with none of WEBHOOK_URL, WEBHOOK_URL_SECRET_ARN and WEBHOOK_URL_PARAMETER set,
                nothing is sent; each body is printed instead, formatted by --kind, else WEBHOOK_KIND, else as
                discord (said on standard error). Links: with AWS credentials in the environment
                (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the container credentials variables) they are
                signed with them and work; without, a preview signs them with placeholder keys, and a delivery
                is refused (exit 2) unless --allow-broken-links, or LINK_KIND=public-url needs no keys.

                Output (JSON): "mode" (preview or delivery), "objects" (per object: bucket, key, eventType, kind,
                the webhook's host when delivering (never its URL), contentType, the body posted or previewed (as
                JSON when it is JSON), delivered, and the error when not), "failedMessages" (SQS messages the link
                generator could not handle).
                Exit codes: 0 every message delivered (or previewed), 1 a message was not, 2 bad usage or
                configuration (a file that is not an event, no AWS credentials for a delivery).
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("--event", "--kind", "--template", "--allow-broken-links");
    }

    @Override
    public int run(Options options, Console console) {
        options.requireNoWords(name());
        byte[] event = EventFiles.read(options.requireEvent(), console);
        Settings settings = new Settings(console.env());
        boolean routed = DispatchFunction.routed(console.env());
        boolean preview = !routed && Stream.of(Variables.WEBHOOK_URL, Variables.WEBHOOK_URL_SECRET_ARN,
                Variables.WEBHOOK_URL_PARAMETER).noneMatch(settings::isSet);
        if (preview) {
            console.say(Log.Level.INFO, "s3notify: preview mode: WEBHOOK_URL (or WEBHOOK_URL_SECRET_ARN,"
                    + " WEBHOOK_URL_PARAMETER) is not set, so nothing is sent; set it to deliver.");
        }
        String kind = KindChoice.choose(options, console, preview);
        RunReport report = new RunReport(preview);
        Delivery delivery = new Delivery(report);
        Startup.Pipelines started = Startup.both(EventFiles.known(event), () -> DispatchFunction.create(
                console.env(), new DispatchFunction.Overrides(preview, delivery::handled, kind, options.template(),
                        console.loader(), null)), () -> refuseBrokenLinks(options, settings, console, preview),
                console);
        DispatchPipeline dispatcher = started.dispatcher();
        LinkBus.Handed handed = started.linkEvents(event);
        for (byte[] linkEvent : handed.events()) {
            delivery.current = linkEvent;
            delivery.handled = 0;
            try {
                dispatcher.handle(linkEvent, Instant.now().plus(DEADLINE));
                if (delivery.handled == 0 && routed) {
                    report.unrouted(linkEvent);
                }
            } catch (S3NotifyException e) {
                report.failed(linkEvent, e.getMessage());
                console.say(Log.Level.ERROR, "s3notify: not " + (preview ? "formatted" : "delivered") + ": "
                        + Main.describe(e));
            }
        }
        int exit = report.print(handed.failedMessageIds(), console);
        console.say(exit == Main.OK ? Log.Level.INFO : Log.Level.ERROR, routed ? routedSummary(report, handed)
                : summary(preview, report, handed));
        return exit;
    }

    /** A real channel gets no links signed with placeholder keys, unless asked for. */
    private static void refuseBrokenLinks(Options options, Settings settings, Console console, boolean preview) {
        boolean publicUrl = settings.raw(Variables.LINK_KIND.name()).map(k -> k.equalsIgnoreCase("public-url"))
                .orElse(false);
        if (preview || publicUrl || options.allowBrokenLinks() || !LinkBus.signsWithPlaceholderKeys(console)) {
            return;
        }
        throw new ConfigurationException("no AWS credentials to sign links with: run would post links signed with"
                + " placeholder keys, which do not work, to the webhook. Set AWS_PROFILE to a profile with"
                + " credentials (after 'aws sso login' for an IAM Identity Center one), or AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY (with the AWS CLI: eval \"$(aws configure export-credentials --format"
                + " env)\"), or use LINK_KIND=public-url with PUBLIC_BASE_URL, or pass --allow-broken-links to post"
                + " them anyway");
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

    /** With routes an object may get a message per route, or none. */
    private static String routedSummary(RunReport report, LinkBus.Handed handed) {
        int objects = handed.events().size();
        String failedMessages = handed.failedMessageIds().isEmpty() ? ""
                : "; " + handed.failedMessageIds().size() + " SQS message(s) could not be handled (see the log above)";
        String unrouted = report.unrouted() == 0 ? "" : "; " + report.unrouted() + " matched no route, so nothing"
                + " was posted for it (s3notify routes --event FILE says why)";
        return "s3notify: delivered " + report.delivered() + " message(s) for " + objects + " object(s), one per"
                + " route that took it" + unrouted + (report.failedCount() == 0 ? "" : "; " + report.failedCount()
                + " not delivered") + failedMessages;
    }

    /** Hands each request the dispatcher formats (or delivers) to the report, with the event it came from. */
    private static final class Delivery {
        private final RunReport report;
        private byte[] current;
        private int handled;

        Delivery(RunReport report) {
            this.report = report;
        }

        void handled(Destination destination, WebhookRequest request) {
            report.handled(current, destination, request);
            handled++;
        }
    }
}
