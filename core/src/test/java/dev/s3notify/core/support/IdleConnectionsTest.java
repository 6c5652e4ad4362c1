package dev.s3notify.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdleConnectionsTest {
    private static final String ORIGIN = "https://hooks.example:-1";
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final IdleConnections idle = new IdleConnections(now::get);

    @Test
    void handsBackTheConnectionThatWaitedLeastForItsOriginOnly() {
        Fake older = new Fake();
        Fake newer = new Fake();
        idle.offer(ORIGIN, older);
        idle.offer(ORIGIN, newer);

        assertThat(idle.take("http://hooks.example:-1", Fake.class)).isNull();
        assertThat(idle.take(ORIGIN, Fake.class)).isSameAs(newer);
        assertThat(idle.take(ORIGIN, Fake.class)).isSameAs(older);
        assertThat(idle.take(ORIGIN, Fake.class)).isNull();
        assertThat(older.closed || newer.closed).isFalse();
    }

    @Test
    void closesAConnectionThatWaitedFiveSecondsInsteadOfHandingItOut() {
        Fake old = new Fake();
        idle.offer(ORIGIN, old);
        now.addAndGet(IdleConnections.LONGEST_IDLE_NANOS);

        assertThat(idle.take(ORIGIN, Fake.class)).isNull();
        assertThat(old.closed).isTrue();
        assertThat(idle.size()).isZero();
    }

    @Test
    void dropsAConnectionTheServerClosedAndTriesTheNext() {
        Fake fine = new Fake();
        Fake closedByServer = new Fake();
        closedByServer.peerClosed = true;
        idle.offer(ORIGIN, fine);
        idle.offer(ORIGIN, closedByServer);

        assertThat(idle.take(ORIGIN, Fake.class)).isSameAs(fine);
        assertThat(closedByServer.closed).isTrue();
    }

    @Test
    void keepsAFewConnectionsPerOriginAndClosesTheOldestBeyond() {
        Fake[] all = new Fake[IdleConnections.PER_ORIGIN + 1];
        for (int i = 0; i < all.length; i++) {
            all[i] = new Fake();
            idle.offer(ORIGIN, all[i]);
        }

        assertThat(all[0].closed).isTrue();
        assertThat(idle.size()).isEqualTo(IdleConnections.PER_ORIGIN);
    }

    @Test
    void closesEveryConnectionWhenToldTo() {
        Fake one = new Fake();
        Fake other = new Fake();
        idle.offer(ORIGIN, one);
        idle.offer("http://elsewhere:8080", other);

        idle.closeAll();

        assertThat(one.closed && other.closed).isTrue();
        assertThat(idle.size()).isZero();
    }

    /** A connection that records being closed. */
    static final class Fake implements IdleConnections.Connection {
        boolean closed;
        boolean peerClosed;

        @Override
        public boolean closedByPeer() {
            return peerClosed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
