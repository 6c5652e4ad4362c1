package dev.s3notify.core.queue;

import static dev.s3notify.core.queue.QueueFixtures.NOW;
import static dev.s3notify.core.queue.QueueFixtures.destination;
import static dev.s3notify.core.queue.QueueFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import dev.s3notify.core.pacing.Pacer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The digest window on the queue path: the first batch for a destination goes at once, what arrives while its window
 * is open waits for it to close and goes then as one digest, and nothing is held for a window that cannot be known.
 */
class DigestWindowDispatchTest {
    private static final Duration WINDOW = Duration.ofSeconds(20);
    private final VirtualClock clock = new VirtualClock(NOW);
    private final Destination chat = destination("chat", "https://chat.example/hooks/secret-token",
            RateLimit.UNKNOWN, QueueFixtures.TEXT_LIMIT);
    private final List<WebhookRequest> sent = new ArrayList<>();
    private final List<List<String>> hidden = new ArrayList<>();
    private final List<Duration> hiddenFor = new ArrayList<>();
    private final List<Instant> windowDeadlines = new ArrayList<>();
    private final MemoryDeliveryRecords records = new MemoryDeliveryRecords(clock);
    private final MemoryDigestWindows memory = new MemoryDigestWindows();
    private DigestWindows windows = (destination, now, closesAt, deadline) -> {
        windowDeadlines.add(deadline);
        return memory.open(destination, now, closesAt, deadline);
    };

    private final MessageSender sender = (destination, request, notification, deadline) -> {
        sent.add(request);
        return MessageSender.Result.sent(204);
    };
    private final Visibility visibility = (links, timeout, deadline) -> {
        hidden.add(links.stream().map(QueuedLink::messageId).toList());
        hiddenFor.add(timeout);
        return Failures.NONE;
    };

    /** An execution environment of its own (records and windows are shared, as the table is). */
    private BatchDispatcher environment() {
        return new BatchDispatcher(List.of(chat), new BatchDispatcher.Parts(new Composer(new FormatterDigests(),
                null), records, Pacer.of(2, clock, d -> { }), sender, visibility, new SplittableRandom(5),
                DeadLetters.NONE, clock, new Windowing(windows, WINDOW)));
    }

    /** Uploads {@code from..to}, each reaching the queue at {@code at}. */
    private static List<QueuedLink> uploads(int from, int to, Instant at) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> new QueuedLink("msg-" + n, "receipt-" + n,
                "arn:aws:sqs:eu-west-1:123456789012:links", "eb-" + n, upload("photos/img-" + n + ".jpg", 1000),
                null, null, at)).toList();
    }

    private BatchOutcome dispatch(BatchDispatcher dispatcher, List<QueuedLink> links) {
        return dispatcher.dispatch(links, Set.of(), clock.instant().plusSeconds(60));
    }

    @Test
    void sendsALoneUploadAtOnce() {
        BatchOutcome outcome = dispatch(environment(), uploads(1, 1, NOW));

        assertThat(outcome.posted()).singleElement().satisfies(p -> assertThat(p.digest()).isFalse());
        assertThat(outcome.failedMessageIds()).isEmpty();
        assertThat(hidden).isEmpty();
    }

    @Test
    void holdsWhatFollowsWithinTheWindowUntilItClosesThenSendsItAsOneDigest() {
        BatchDispatcher first = environment();
        BatchDispatcher second = environment();
        dispatch(first, uploads(1, 1, NOW));
        clock.advance(Duration.ofSeconds(5));

        BatchOutcome held = dispatch(second, uploads(2, 4, NOW.plusSeconds(4)));
        clock.set(NOW.plus(WINDOW));
        BatchOutcome later = dispatch(first, uploads(2, 4, NOW.plusSeconds(4)));

        assertThat(held.posted()).isEmpty();
        assertThat(held.failedMessageIds()).containsExactly("msg-2", "msg-3", "msg-4");
        assertThat(hidden).containsExactly(List.of("msg-2", "msg-3", "msg-4"));
        // Until the window closes, to the millisecond: no jitter, so that they come back together.
        assertThat(hiddenFor).containsExactly(Duration.ofSeconds(15));
        assertThat(later.posted()).singleElement().satisfies(p -> {
            assertThat(p.digest()).isTrue();
            assertThat(p.files()).hasSize(3);
        });
        assertThat(later.failedMessageIds()).isEmpty();
        assertThat(sent).hasSize(2);
        assertThat(records.deliveredCount()).isEqualTo(4);
    }

    @Test
    void sendsWhatWaitedForTheWindowBeforeEvenWhenAnotherInvocationOpenedTheNextOne() {
        dispatch(environment(), uploads(1, 1, NOW));
        clock.set(NOW.plus(WINDOW));
        dispatch(environment(), uploads(2, 2, NOW.plus(WINDOW)));
        clock.advance(Duration.ofMillis(300));
        List<QueuedLink> batch = new ArrayList<>(uploads(3, 5, NOW.plusSeconds(6)));
        batch.addAll(uploads(6, 6, NOW.plus(WINDOW).plusMillis(200)));

        BatchOutcome outcome = dispatch(environment(), batch);

        assertThat(outcome.posted()).singleElement().satisfies(p -> assertThat(p.files()).hasSize(3));
        assertThat(outcome.failedMessageIds()).containsExactly("msg-6");
        assertThat(hiddenFor).containsExactly(WINDOW.minusMillis(300));
    }

    @Test
    void sendsAtOnceWhenTheWindowsCannotBeReached() {
        windows = (destination, now, closesAt, deadline) -> {
            throw new DeliveryException(FailureReason.STORE_UNAVAILABLE, "DynamoDB UpdateItem on table t: throttled");
        };
        dispatch(environment(), uploads(1, 1, NOW));

        BatchOutcome outcome = dispatch(environment(), uploads(2, 3, NOW));

        assertThat(outcome.posted()).singleElement().satisfies(p -> assertThat(p.files()).hasSize(2));
        assertThat(outcome.failedMessageIds()).isEmpty();
        assertThat(hidden).isEmpty();
    }

    @Test
    void holdsNoFileLongerThanOneWindowWhateverTheOpenWindowSays() {
        windows = (destination, now, closesAt, deadline) -> new DigestWindows.Window(false, now.plusSeconds(3600),
                null);

        BatchOutcome outcome = dispatch(environment(), uploads(1, 2, NOW));

        assertThat(outcome.failedMessageIds()).containsExactly("msg-1", "msg-2");
        assertThat(hiddenFor).containsExactly(WINDOW);
    }

    @Test
    void asksForTheWindowWithinTheWorkTimeOfTheInvocation() {
        dispatch(environment(), uploads(1, 1, NOW));

        assertThat(windowDeadlines).containsExactly(NOW.plusSeconds(60).minus(BatchDispatcher.WRAP_UP));
    }

    @Test
    void keepsNoWindowWhenItsLengthIsZero() {
        BatchDispatcher dispatcher = new BatchDispatcher(List.of(chat), new BatchDispatcher.Parts(
                new Composer(new FormatterDigests(), null), records, Pacer.of(2, clock, d -> { }), sender,
                visibility, new SplittableRandom(5), DeadLetters.NONE, clock, new Windowing(windows, Duration.ZERO)));
        dispatcher.dispatch(uploads(1, 1, NOW), Set.of(), NOW.plusSeconds(60));

        BatchOutcome outcome = dispatcher.dispatch(uploads(2, 2, NOW), Set.of(), NOW.plusSeconds(60));

        assertThat(outcome.posted()).hasSize(1);
        assertThat(windowDeadlines).isEmpty();
    }
}
