package dev.s3notify.core.queue;

import static dev.s3notify.core.queue.QueueFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.s3notify.core.aws.DeliveryTable;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Digest windows against dynalite: one opener wins a race, a window closes at its time, destinations stay apart. */
class DynamoDbDigestWindowsTest extends DynaliteTableTest {
    private static final Duration WINDOW = Duration.ofSeconds(20);

    private DynamoDbDigestWindows windows() {
        return new DynamoDbDigestWindows(new DeliveryTable(() -> dynamo, table));
    }

    @Test
    void opensAWindowWhereNoneIsAndTellsTheNextOpenerWhenItCloses() {
        DigestWindows.Window first = windows().open("dest", NOW, NOW.plus(WINDOW), null);
        DigestWindows.Window second = windows().open("dest", NOW.plusSeconds(5), NOW.plusSeconds(25), null);

        assertThat(first.opened()).isTrue();
        assertThat(first.closesAt()).isEqualTo(NOW.plus(WINDOW));
        assertThat(second.opened()).isFalse();
        assertThat(second.closesAt()).isEqualTo(NOW.plus(WINDOW));
        assertThat(second.previousClose()).isNull();
    }

    @Test
    void letsExactlyOneOfSeveralInvocationsOpeningAtOnceOpenIt() throws Exception {
        int openers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(openers);
        List<CompletableFuture<DigestWindows.Window>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < openers; i++) {
                DynamoDbDigestWindows windows = windows();
                Instant closesAt = NOW.plus(WINDOW).plusMillis(i);
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return windows.open("dest", NOW, closesAt, null);
                }, pool));
            }
            start.countDown();
            List<DigestWindows.Window> windows = answers.stream().map(CompletableFuture::join).toList();

            List<DigestWindows.Window> opened = windows.stream().filter(DigestWindows.Window::opened).toList();
            assertThat(opened).hasSize(1);
            // The losers wait for the winner's window, whichever it was.
            assertThat(windows).extracting(DigestWindows.Window::closesAt).containsOnly(opened.get(0).closesAt());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closesAtItsTimeWhateverBecameOfItsHolderAndRemembersWhenTheClosedOneClosed() {
        windows().open("dest", NOW, NOW.plus(WINDOW), null); // its holder is never heard of again

        DigestWindows.Window still = windows().open("dest", NOW.plus(WINDOW).minusMillis(1),
                NOW.plus(WINDOW).plus(WINDOW), null);
        DigestWindows.Window next = windows().open("dest", NOW.plus(WINDOW), NOW.plusSeconds(45), null);
        DigestWindows.Window later = windows().open("dest", NOW.plusSeconds(30), NOW.plusSeconds(50), null);

        assertThat(still.opened()).isFalse();
        assertThat(next.opened()).isTrue();
        assertThat(later.opened()).isFalse();
        assertThat(later.closesAt()).isEqualTo(NOW.plusSeconds(45));
        assertThat(later.previousClose()).isEqualTo(NOW.plus(WINDOW));
    }

    @Test
    void keepsDestinationsApart() {
        windows().open("discord", NOW, NOW.plus(WINDOW), null);

        assertThat(windows().open("slack", NOW, NOW.plus(WINDOW), null).opened()).isTrue();
    }

    @Test
    void keepsTheRecordAsLongAsTheDeliveryRecordsAndNextToThem() {
        windows().open("dest", NOW, NOW.plus(WINDOW), null);

        var item = dynalite.item(dynamo, table, "dest#window");

        assertThat(item.get("state").s()).isEqualTo(DeliveryTable.WINDOW);
        assertThat(Long.parseLong(item.get("closesAt").n())).isEqualTo(NOW.plus(WINDOW).toEpochMilli());
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isGreaterThan(NOW.plus(Duration.ofDays(14)).getEpochSecond());
    }

    @Test
    void saysTheTableAndAwsErrorCodeWhenTheTableIsMissing() {
        DynamoDbDigestWindows windows = new DynamoDbDigestWindows(new DeliveryTable(() -> dynamo, "no-such-table"));

        DeliveryException e = catchThrowableOfType(() -> windows.open("dest", NOW, NOW.plus(WINDOW), null),
                DeliveryException.class);

        assertThat(e.reason()).isEqualTo(FailureReason.STORE_UNAVAILABLE);
        assertThat(e).hasMessageContaining("UpdateItem").hasMessageContaining("no-such-table")
                .hasMessageContaining("ResourceNotFoundException");
    }
}
