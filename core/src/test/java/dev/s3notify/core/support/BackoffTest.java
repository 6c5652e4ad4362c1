package dev.s3notify.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.aws.AwsFixtures;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final double ALMOST_ONE = Math.nextDown(1.0);

    @Test
    void ceilingDoublesFromTheBaseUpToTheCap() {
        Backoff backoff = backoff(ALMOST_ONE);

        assertThat(IntStream.rangeClosed(1, 7).mapToObj(backoff::delay).map(Duration::toMillis))
                .containsExactly(99L, 199L, 399L, 799L, 1599L, 1999L, 1999L);
    }

    @Test
    void fullJitterDrawsBetweenZeroAndTheCeiling() {
        assertThat(backoff(0.0).delay(3)).isZero();
        assertThat(backoff(0.5).delay(3)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void pauseSleepsForTheDelay() throws InterruptedException {
        AwsFixtures.RecordingSleeper sleeper = new AwsFixtures.RecordingSleeper();
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 4, sleeper,
                AwsFixtures.fraction(0.5));

        assertThat(backoff.pause(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void standardJitterStaysWithinTheCeiling() {
        Backoff standard = Backoff.standard();

        List<Duration> delays = IntStream.range(0, 200).mapToObj(i -> standard.delay(2)).toList();

        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(200)));
        assertThat(delays.stream().distinct().count()).as("distinct delays").isGreaterThan(50);
        assertThat(standard.maxAttempts()).isEqualTo(4);
    }

    @Test
    void rejectsFewerThanOneAttempt() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ZERO, 0, Sleeper.THREAD, AwsFixtures.fraction(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Backoff backoff(double fraction) {
        return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 4, d -> { }, AwsFixtures.fraction(fraction));
    }
}
