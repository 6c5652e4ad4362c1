package dev.s3notify.core.queue;

import static dev.s3notify.core.queue.QueueFixtures.NOW;
import static dev.s3notify.core.queue.QueueFixtures.destination;
import static dev.s3notify.core.queue.QueueFixtures.queued;
import static dev.s3notify.core.queue.QueueFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.Link;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import dev.s3notify.core.pacing.Pacer;
import dev.s3notify.core.routes.RouteFilter;
import dev.s3notify.core.support.Sha256;
import dev.s3notify.core.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The queue path with routes: each route its own share of the batch, records and failures; fallbacks. */
class RoutedBatchTest {
    private static final Instant DEADLINE = NOW.plusSeconds(60);
    private static final String PDF_HOOK = "https://chat.example/hooks/pdf-token";
    private static final String ALL_HOOK = "https://other.example/hooks/all-token";
    private static final String OPS_HOOK = "https://ops.example/hooks/ops-token";
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final MemoryDeliveryRecords records = new MemoryDeliveryRecords(clock);
    /** Each accepted post: the route's name and the message's text. */
    private final List<String> accepted = new ArrayList<>();
    private final Set<String> refusing = ConcurrentHashMap.newKeySet();
    private final List<String> parked = new ArrayList<>();

    private final MessageSender sender = (destination, request, notification, deadline) -> {
        if (refusing.contains(destination.url().reveal())) {
            throw new DeliveryException(FailureReason.GONE, 404, "HTTP 404: Unknown Webhook",
                    "webhook at " + destination.host() + " did not accept the message: HTTP 404");
        }
        accepted.add(destination.name() + ": " + request.body());
        return MessageSender.Result.sent(204);
    };
    private final IndexStore index = (name, html, expiresAt, deadline) ->
            new Link("https://index.example/" + name + "?X-Amz-Signature=sig", expiresAt);
    private final DeadLetters deadLetters = (link, reason, deadline) -> parked.add(link.messageId());

    private static Destination route(String name, String url, RouteFilter filter, String fallback) {
        Destination plain = destination(name.equals("all") ? "other" : "chat", url);
        return new Destination(name, plain.kind(), plain.formatter(), plain.template(), plain.digestTemplate(),
                plain.url(), Destination.Routing.named(filter, fallback));
    }

    private final Destination pdfs = route("pdfs", PDF_HOOK, RouteFilter.builder().suffix(".pdf").build(), "ops");
    private final Destination all = route("all", ALL_HOOK, RouteFilter.ANY, null);
    private final Destination ops = route("ops", OPS_HOOK, RouteFilter.builder().bucket("nothing-here").build(), null);

    private BatchDispatcher dispatcher(List<Destination> destinations) {
        return new BatchDispatcher(destinations, new BatchDispatcher.Parts(new Composer(new FormatterDigests(), index),
                records, Pacer.of(2, clock, d -> { }), sender, (links, timeout, deadline) -> Failures.NONE,
                new SplittableRandom(7), deadLetters));
    }

    private static List<QueuedLink> batch() {
        return List.of(queued(1, upload("bills/2026/invoice-1.pdf", 1000)),
                queued(2, upload("photos/cat.jpg", 2000)));
    }

    @Test
    void everyFileReachesEveryRouteItMatchesOnce() {
        BatchOutcome outcome = dispatcher(List.of(pdfs, all, ops)).dispatch(batch(), Set.of(), DEADLINE);

        assertThat(outcome.failedMessageIds()).isEmpty();
        assertThat(accepted).filteredOn(post -> post.startsWith("pdfs: ")).singleElement().asString()
                .contains("invoice-1.pdf").doesNotContain("cat.jpg");
        assertThat(accepted).filteredOn(post -> post.startsWith("all: ")).singleElement().asString()
                .contains("invoice-1.pdf").contains("cat.jpg");
        assertThat(accepted).noneMatch(post -> post.startsWith("ops: "));
        assertThat(outcome.posted()).extracting(BatchOutcome.Posted::destination).containsExactly("pdfs", "all");
    }

    @Test
    void aFileNoRouteMatchesIsLoggedOnceAtInfoAndNotRetried() {
        List<QueuedLink> photos = List.of(queued(1, upload("photos/a.jpg", 1)), queued(2, upload("photos/b.jpg", 1)));
        String log;
        BatchOutcome outcome;
        try (LogCapture captured = new LogCapture()) {
            outcome = dispatcher(List.of(pdfs, ops)).dispatch(photos, Set.of(), DEADLINE);
            log = String.join("\n", captured.lines());
        }

        assertThat(outcome.failedMessageIds()).isEmpty();
        assertThat(outcome.posted()).isEmpty();
        assertThat(accepted).isEmpty();
        assertThat(log.split("files matched no route", -1)).hasSize(2);
        assertThat(log).contains("\"files\":2").doesNotContain("\"level\":\"ERROR\"");
    }

    @Test
    void aRefusingRoutesFilesGoToItsFallbackWithALineAndAreNotParked() {
        refusing.add(PDF_HOOK);
        String log;
        BatchOutcome outcome;
        try (LogCapture captured = new LogCapture()) {
            outcome = dispatcher(List.of(pdfs, all, ops)).dispatch(batch(), Set.of(), DEADLINE);
            log = String.join("\n", captured.lines());
        }

        assertThat(outcome.failedMessageIds()).isEmpty();
        assertThat(parked).isEmpty();
        assertThat(accepted).filteredOn(post -> post.startsWith("ops: ")).singleElement().asString()
                .contains("Meant for route 'pdfs' (chat, chat.example), but its webhook refused it for good:"
                        + " HTTP 404: Unknown Webhook (GONE). Sent here instead, to its fallback route 'ops'.")
                .contains("invoice-1.pdf").doesNotContain("cat.jpg");
        assertThat(accepted).filteredOn(post -> post.startsWith("all: ")).hasSize(1);
        assertThat(log).contains("\"level\":\"ERROR\"").contains("its files go to the route's fallback")
                .doesNotContain("pdf-token");
    }

    @Test
    void aRedeliveredBatchPostsToNoRouteTwiceNorToTheFallbackAgain() {
        refusing.add(PDF_HOOK);
        BatchDispatcher dispatcher = dispatcher(List.of(pdfs, all, ops));
        dispatcher.dispatch(batch(), Set.of(), DEADLINE);
        List<String> first = List.copyOf(accepted);

        BatchOutcome again = dispatcher.dispatch(batch(), Set.of(), DEADLINE);

        assertThat(accepted).isEqualTo(first);
        assertThat(again.posted()).isEmpty();
        assertThat(again.failedMessageIds()).isEmpty();
        assertThat(again.skipped()).containsExactlyInAnyOrder("msg-1", "msg-2");
    }

    @Test
    void whatTheFallbackRefusesTooGoesToTheDeadLetterQueue() {
        refusing.add(PDF_HOOK);
        refusing.add(OPS_HOOK);

        BatchOutcome outcome = dispatcher(List.of(pdfs, all, ops)).dispatch(batch(), Set.of(), DEADLINE);

        assertThat(parked).containsExactly("msg-1");
        assertThat(outcome.deadLettered()).containsExactly("msg-1");
        assertThat(accepted).filteredOn(post -> post.startsWith("all: ")).hasSize(1);
    }

    @Test
    void oneRoutesFailureIsRetriedWithoutResendingToTheRouteThatAccepted() {
        DeliveryException down = new DeliveryException(FailureReason.SERVER, 503, "HTTP 503", "webhook down");
        Set<String> failOnce = new HashSet<>(Set.of(ALL_HOOK));
        MessageSender flaky = (destination, request, notification, deadline) -> {
            if (failOnce.remove(destination.url().reveal())) {
                throw down;
            }
            return sender.send(destination, request, notification, deadline);
        };
        BatchDispatcher dispatcher = new BatchDispatcher(List.of(pdfs, all), new BatchDispatcher.Parts(
                new Composer(new FormatterDigests(), index), records, Pacer.of(2, clock, d -> { }), flaky,
                (links, timeout, deadline) -> Failures.NONE, new SplittableRandom(7), deadLetters));

        BatchOutcome first = dispatcher.dispatch(batch(), Set.of(), DEADLINE);
        BatchOutcome retry = dispatcher.dispatch(batch(), Set.of(), DEADLINE);

        assertThat(first.failedMessageIds()).containsExactlyInAnyOrder("msg-1", "msg-2");
        assertThat(retry.failedMessageIds()).isEmpty();
        assertThat(accepted).filteredOn(post -> post.startsWith("pdfs: ")).hasSize(1);
        assertThat(accepted).filteredOn(post -> post.startsWith("all: ")).hasSize(1);
    }

    @Test
    void routesOnOneWebhookShareItsPacingButKeepTheirOwnRecords() {
        Destination a = route("a", PDF_HOOK, RouteFilter.ANY, null);
        Destination b = route("b", PDF_HOOK, RouteFilter.ANY, null);
        Destination implicit = destination("chat", PDF_HOOK);

        assertThat(DestinationKey.pacing(a)).isEqualTo(DestinationKey.pacing(b));
        assertThat(DestinationKey.of(a)).isNotEqualTo(DestinationKey.of(b));
        // The implicit route keeps the key it always had: its records and windows carry over.
        assertThat(DestinationKey.of(implicit)).isEqualTo(DestinationKey.pacing(implicit)).isEqualTo(Sha256.hex(
                ("chat\n" + PDF_HOOK).getBytes(StandardCharsets.UTF_8)));
        Destination copy = b.fallbackFor(a, new DeliveryException(FailureReason.GONE, 404, "", "gone"));
        assertThat(DestinationKey.of(copy)).isNotEqualTo(DestinationKey.of(b));
        assertThat(copy.routing().note()).isEqualTo("Meant for route 'a' (chat, chat.example), but its webhook"
                + " refused it for good: GONE (HTTP 404). Sent here instead, to its fallback route 'b'.");
        assertThat(Map.of("a", a).get("a").accepts(upload("x.txt", 1))).isTrue();
    }
}
