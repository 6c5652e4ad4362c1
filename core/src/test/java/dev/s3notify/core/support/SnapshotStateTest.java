package dev.s3notify.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What a SnapStart snapshot must not carry into restored environments: pooled connections and a shared seed. */
class SnapshotStateTest {
    @Test
    void forgettingClosesTheSharedIdleConnections() {
        IdleConnectionsTest.Fake pooled = new IdleConnectionsTest.Fake();
        IdleConnections.shared().offer("https://hooks.example:-1", pooled);

        SnapshotState.forget();

        assertThat(pooled.closed).as("a restored environment cannot use it").isTrue();
        assertThat(IdleConnections.shared().take("https://hooks.example:-1", IdleConnectionsTest.Fake.class))
                .isNull();
    }

    @Test
    void jitterDrawsNoSeedBeforeItsFirstUseAndDrawsANewOneAfterForgetting() {
        Jitter jitter = new Jitter();
        assertThat(jitter.seeded()).isFalse();
        long[] first = LongStream.generate(jitter::nextLong).limit(4).toArray();
        assertThat(jitter.seeded()).isTrue();

        jitter.reseed();

        assertThat(jitter.seeded()).isFalse();
        assertThat(LongStream.generate(jitter::nextLong).limit(4).toArray()).isNotEqualTo(first);
    }

    @Test
    void forgettingTheSnapshotStateDropsTheSharedJitterSeed() {
        Jitter.SHARED.nextLong();

        SnapshotState.forget();

        assertThat(Jitter.SHARED.seeded()).isFalse();
    }

    @Test
    void senderAndAwsRetriesTakeTheirJitterFromTheReseedableSource() {
        assertThat(Backoff.standard().random()).isSameAs(Jitter.SHARED);
    }
}
