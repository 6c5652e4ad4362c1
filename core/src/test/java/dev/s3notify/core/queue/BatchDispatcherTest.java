package dev.s3notify.core.queue;

import static dev.s3notify.core.queue.QueueFixtures.NOW;
import static dev.s3notify.core.queue.QueueFixtures.destination;
import static dev.s3notify.core.queue.QueueFixtures.queued;
import static dev.s3notify.core.queue.QueueFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.Digest;
import dev.s3notify.core.Link;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.pacing.Pacer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchDispatcherTest {
    private static final Instant DEADLINE = NOW.plusSeconds(60);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Text a digest's summary and index link fit in, but not the lines of two files: digests need an index. */
    private static final int ONE_FILE_TEXT = 200;
    private final Destination chat = destination("chat", "https://chat.example/hooks/secret-token",
            RateLimit.UNKNOWN, ONE_FILE_TEXT);
    private final List<WebhookRequest> sent = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<String> pages = new ArrayList<>();
    private final List<List<String>> hidden = new ArrayList<>();
    private final List<Duration> hiddenFor = new ArrayList<>();
    private final MemoryDeliveryRecords records = new MemoryDeliveryRecords(clock);

    private final MessageSender sender = (destination, request, notification, deadline) -> {
        sent.add(request);
        Object answer = answers.isEmpty() ? 204 : answers.poll();
        if (answer instanceof Duration wait) {
            return MessageSender.Result.deferred(wait);
        }
        if (answer instanceof RuntimeException e) {
            throw e;
        }
        return MessageSender.Result.sent((Integer) answer);
    };
    private final IndexStore index = (name, html, expiresAt, deadline) -> {
        pages.add(html);
        return new Link("https://index.example/" + name + "?X-Amz-Signature=sig", expiresAt);
    };
    private final Visibility visibility = (links, timeout, deadline) -> {
        hidden.add(links.stream().map(QueuedLink::messageId).toList());
        hiddenFor.add(timeout);
        return Failures.NONE;
    };

    private BatchDispatcher dispatcher(IndexStore store, Digests digests) {
        Pacer pacer = Pacer.of(2, clock, d -> { });
        return new BatchDispatcher(List.of(chat), new BatchDispatcher.Parts(new Composer(digests, store), records,
                pacer, sender, visibility, new SplittableRandom(7)));
    }

    private BatchDispatcher dispatcher() {
        return dispatcher(index, new FormatterDigests());
    }

    private static List<QueuedLink> uploads(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> queued(n, upload("photos/2026/img-" + n + ".jpg", 1000)))
                .toList();
    }

    @Test
    void sendsALoneEventAsTheSingleFileMessageByteForByte() {
        QueuedLink link = uploads(1).get(0);

        BatchOutcome outcome = dispatcher().dispatch(List.of(link), Set.of(), DEADLINE);

        WebhookRequest single = chat.request(chat.notification(link.event(), link.eventId()));
        assertThat(sent).containsExactly(single);
        assertThat(outcome.posted()).singleElement().satisfies(p -> {
            assertThat(p.digest()).isFalse();
            assertThat(p.files()).containsExactly("s3://bucket/photos/2026/img-1.jpg");
        });
        assertThat(outcome.failedMessageIds()).isEmpty();
        assertThat(pages).isEmpty();
    }

    @Test
    void sendsOneDigestLinkingAnIndexPageThatListsEveryFile() {
        BatchOutcome outcome = dispatcher().dispatch(uploads(14), Set.of(), DEADLINE);

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).body()).contains("14 files uploaded to photos/2026/ (13.7 KB)")
                .contains("https://index.example/digest-");
        assertThat(pages).singleElement().satisfies(page -> IntStream.rangeClosed(1, 14).forEach(n ->
                assertThat(page).contains("<a href=\"https://bucket.s3.amazonaws.com/photos/2026/img-" + n
                        + ".jpg?X-Amz-Signature=abc&amp;X-Amz-Expires=86400\">")));
        assertThat(outcome.posted()).singleElement().satisfies(p -> {
            assertThat(p.digest()).isTrue();
            assertThat(p.files()).hasSize(14);
            assertThat(p.indexPage()).doesNotContain("sig");
        });
        assertThat(outcome.failedMessageIds()).isEmpty();
    }

    @Test
    void sendsADigestWithoutAnIndexWhenItCarriesEveryLink() {
        Digests everyLink = (destination, files, page) -> java.util.Optional.of(WebhookRequest.json(
                "{\"files\":" + files.size() + "}"));

        BatchOutcome outcome = dispatcher(index, everyLink).dispatch(uploads(3), Set.of(), DEADLINE);

        assertThat(sent).extracting(WebhookRequest::body).containsExactly("{\"files\":3}");
        assertThat(pages).isEmpty();
        assertThat(outcome.posted()).singleElement().satisfies(p -> assertThat(p.files()).hasSize(3));
    }

    @Test
    void sendsTheFormattersDigestListingEveryLinkWithoutAnIndexWhenTheyFit() {
        Destination roomy = destination("chat", "https://chat.example/hooks/secret-token", RateLimit.UNKNOWN,
                QueueFixtures.TEXT_LIMIT);
        Pacer pacer = Pacer.of(2, clock, d -> { });
        BatchDispatcher dispatcher = new BatchDispatcher(List.of(roomy), new BatchDispatcher.Parts(
                new Composer(new FormatterDigests(), index), records, pacer, sender, visibility,
                new SplittableRandom(3)));
        List<QueuedLink> files = uploads(3);

        BatchOutcome outcome = dispatcher.dispatch(files, Set.of(), DEADLINE);

        assertThat(pages).isEmpty();
        assertThat(sent).singleElement().extracting(WebhookRequest::body).asString()
                .contains("3 files uploaded to photos/2026/ (2.9 KB)")
                .contains(files.stream().map(f -> f.event().fileUrl()).toArray(String[]::new));
        assertThat(outcome.posted()).singleElement().satisfies(p -> {
            assertThat(p.digest()).isTrue();
            assertThat(p.files()).hasSize(3);
            assertThat(p.indexPage()).isNull();
        });
    }

    @Test
    void splitsIntoMessagesCoveringEveryFileOnceWhenNoIndexCanBeWritten() {
        BatchOutcome outcome = dispatcher(null, new FormatterDigests()).dispatch(uploads(5), Set.of(), DEADLINE);

        assertThat(sent).hasSize(5);
        assertThat(outcome.posted()).flatExtracting(BatchOutcome.Posted::files).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void hidesRateLimitedMessagesForTheWaitPlusJitterAndReportsThemWithoutSleeping() {
        answers.add(Duration.ofSeconds(30));

        BatchOutcome outcome = dispatcher(null, new FormatterDigests()).dispatch(uploads(3), Set.of(), DEADLINE);

        assertThat(sent).hasSize(1);
        assertThat(outcome.failedMessageIds()).containsExactly("msg-1", "msg-2", "msg-3");
        assertThat(hidden).containsExactly(List.of("msg-1", "msg-2", "msg-3"));
        assertThat(hiddenFor.get(0)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(36));
        assertThat(outcome.deferredFor()).isEqualTo(hiddenFor.get(0));
    }

    @Test
    void skipsAnEventAlreadyDeliveredToTheDestination() {
        List<QueuedLink> batch = uploads(1);
        dispatcher().dispatch(batch, Set.of(), DEADLINE);
        QueuedLink redelivered = new QueuedLink("msg-9", "r", null, "eb-other", batch.get(0).event());

        BatchOutcome again = dispatcher().dispatch(List.of(redelivered), Set.of(), DEADLINE);

        assertThat(sent).hasSize(1);
        assertThat(again.skipped()).containsExactly("msg-9");
        assertThat(again.failedMessageIds()).isEmpty();
    }

    @Test
    void releasesTheRecordsOfAFailedDeliverySoThatARetryDelivers() {
        answers.add(new DeliveryException("webhook chat at chat.example did not accept the message"));
        List<QueuedLink> batch = uploads(1);

        BatchOutcome first = dispatcher().dispatch(batch, Set.of(), DEADLINE);
        BatchOutcome retry = dispatcher().dispatch(batch, Set.of(), DEADLINE);

        assertThat(first.failedMessageIds()).containsExactly("msg-1");
        assertThat(retry.posted()).hasSize(1);
        assertThat(retry.failedMessageIds()).isEmpty();
        assertThat(records.deliveredCount()).isEqualTo(1);
    }

    @Test
    void sendsAnEventTwiceInOneBatchOnce() {
        QueuedLink first = uploads(1).get(0);
        QueuedLink again = new QueuedLink("msg-2", "r2", null, "eb-2", first.event());

        BatchOutcome outcome = dispatcher().dispatch(List.of(first, again), Set.of(), DEADLINE);

        assertThat(sent).hasSize(1);
        assertThat(outcome.posted().get(0).digest()).isFalse();
        assertThat(outcome.skipped()).containsExactly("msg-2");
    }

    @Test
    void reportsAnEventAnotherInvocationIsDeliveringWithoutSendingIt() {
        QueuedLink link = uploads(1).get(0);
        records.claim(DestinationKey.of(chat), link.deliveryKey(), NOW.plusSeconds(90), null);

        BatchOutcome outcome = dispatcher().dispatch(List.of(link), Set.of(), DEADLINE);

        assertThat(sent).isEmpty();
        assertThat(outcome.failedMessageIds()).containsExactly("msg-1");
    }

    @Test
    void defersWithoutSendingWhenThePacingSlotIsFarOff() {
        Destination slack = destination("slack", "https://hooks.slack.com/services/T/B/secret",
                RateLimit.of(1, Duration.ofSeconds(1)), ONE_FILE_TEXT);
        Pacer pacer = Pacer.of(2, clock, d -> { });
        BatchDispatcher dispatcher = new BatchDispatcher(List.of(slack), new BatchDispatcher.Parts(
                new Composer(new FormatterDigests(), null), records, pacer, sender, visibility,
                new SplittableRandom(1)));

        BatchOutcome outcome = dispatcher.dispatch(uploads(3), Set.of(), DEADLINE);

        // Slack: 1 per second shared by 2 environments: one slot every 2 s; the second is over the 1 s cap.
        assertThat(sent).hasSize(1);
        assertThat(outcome.failedMessageIds()).containsExactly("msg-2", "msg-3");
        assertThat(hiddenFor.get(0)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void keepsUnreadableMessagesAmongTheFailures() {
        BatchOutcome outcome = dispatcher().dispatch(uploads(1), Set.of("msg-bad"), DEADLINE);

        assertThat(outcome.failedMessageIds()).containsExactly("msg-bad");
        assertThat(outcome.posted()).hasSize(1);
    }

    @Test
    void identifiesADigestByTheEventsItCarriesInAnyOrder() {
        List<Notification> notes = uploads(3).stream().map(l -> chat.notification(l.event(), l.eventId())).toList();
        List<String> ids = notes.stream().map(Notification::eventId).toList();

        assertThat(Digest.id(ids)).isEqualTo(Digest.id(List.of(ids.get(2), ids.get(0), ids.get(1))))
                .isNotEqualTo(Digest.id(ids.subList(0, 2)))
                .isEqualTo(chat.digest(notes).id());
    }

    @Test
    void keepsTwoSecondsOrAQuarterOfWhatIsLeftForWhatComesAfterTheSends() {
        assertThat(BatchDispatcher.workUntil(NOW, NOW.plusSeconds(60))).isEqualTo(NOW.plusSeconds(58));
        assertThat(BatchDispatcher.workUntil(NOW, NOW.plusSeconds(4))).isEqualTo(NOW.plusSeconds(3));
        assertThat(BatchDispatcher.workUntil(NOW, NOW.minusSeconds(1))).isEqualTo(NOW.minusSeconds(1));
    }
}
