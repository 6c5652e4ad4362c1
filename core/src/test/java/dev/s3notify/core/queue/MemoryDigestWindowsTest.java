package dev.s3notify.core.queue;

import static dev.s3notify.core.queue.QueueFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Windows in memory follow the table's rule: one open window per destination, closed by time alone. */
class MemoryDigestWindowsTest {
    private final MemoryDigestWindows windows = new MemoryDigestWindows();

    @Test
    void keepsAWindowOpenUntilItsTimeThenOpensTheNextRememberingTheClosedOne() {
        assertThat(windows.open("dest", NOW, NOW.plusSeconds(20), null).opened()).isTrue();
        DigestWindows.Window open = windows.open("dest", NOW.plusSeconds(19), NOW.plusSeconds(39), null);
        assertThat(windows.open("dest", NOW.plusSeconds(20), NOW.plusSeconds(40), null).opened()).isTrue();
        DigestWindows.Window next = windows.open("dest", NOW.plusSeconds(21), NOW.plusSeconds(41), null);

        assertThat(open.opened()).isFalse();
        assertThat(open.closesAt()).isEqualTo(NOW.plusSeconds(20));
        assertThat(open.previousClose()).isNull();
        assertThat(next.opened()).isFalse();
        assertThat(next.closesAt()).isEqualTo(NOW.plusSeconds(40));
        assertThat(next.previousClose()).isEqualTo(NOW.plusSeconds(20));
        assertThat(windows.open("other", NOW.plusSeconds(21), NOW.plusSeconds(41), null).opened()).isTrue();
    }
}
