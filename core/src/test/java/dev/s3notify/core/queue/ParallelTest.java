package dev.s3notify.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls made together, never waited for past the deadline. */
class ParallelTest {
    @Test
    void stopsWaitingAtTheDeadlineAndCountsWhatDidNotFinishAsFailed() {
        long start = System.nanoTime();

        Failures failures = Parallel.run(List.of(1, 2, 3, 4), n -> {
            if (n % 2 == 0) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, Instant.now().plusMillis(300));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(failures.count()).isEqualTo(2);
        assertThat(failures.first()).hasMessageContaining("deadline");
    }

    @Test
    void countsEachFailedItemAndKeepsTheFirstReason() {
        Failures failures = Parallel.run(List.of(1, 2, 3), n -> {
            if (n > 1) {
                throw new IllegalStateException("item " + n);
            }
        }, Instant.now().plusSeconds(10));

        assertThat(failures.count()).isEqualTo(2);
        assertThat(failures.first()).hasMessage("item 2");
    }
}
