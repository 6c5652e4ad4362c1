package dev.s3notify.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What a SnapStart snapshot must not carry into restored environments: pooled connections and a shared seed. */
class SnapshotStateTest {
    @Test
    void forgettingReplacesTheSharedHttpClientAndItsPooledConnections() {
        HttpClient before = SharedHttpClient.get();
        assertThat(SharedHttpClient.get()).isSameAs(before);

        SnapshotState.forget();

        assertThat(SharedHttpClient.get()).isNotSameAs(before);
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
