package dev.s3notify.core.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.RateLimit;
import dev.s3notify.core.support.ResponseHeaders;
import dev.s3notify.core.support.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateBudgetTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration LONG = Duration.ofHours(2);
    private static final RateLimit DISCORD = RateLimit.of(5, Duration.ofSeconds(2));

    @Test
    void givesTheDocumentedBurstAtOnceThenTheNextSlotOneWindowAfterTheFirst() {
        RateBudget budget = RateBudget.of(DISCORD);

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(budget.acquire(T0, LONG).orElseThrow().delay());
        }

        // 2 s, padded by 5% (100 ms) because the platform counts arrivals, not departures.
        assertThat(waits).extracting(Duration::toMillis).containsExactly(0L, 0L, 0L, 0L, 0L, 2100L, 2100L);
    }

    @Test
    void neverLetsMoreThanTheLimitFallInAnyWindow() {
        RateBudget budget = RateBudget.of(DISCORD);
        List<Instant> sent = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 40; i++) {
            now = now.plusMillis(i % 3 == 0 ? 0 : 170);
            RateSlot slot = budget.acquire(now, LONG).orElseThrow();
            sent.add(now.plus(slot.delay()));
            slot.done(now.plus(slot.delay()).plusMillis(40));
        }

        for (Instant start : sent) {
            long inWindow = sent.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(2))).count();
            assertThat(inWindow).as("requests in the 2 s from %s", start).isLessThanOrEqualTo(5);
        }
        assertThat(sent).isSorted();
    }

    @Test
    void takesNothingWhenTheNextSlotIsFurtherThanTheCallerWillWait() {
        RateBudget budget = RateBudget.of(RateLimit.of(1, Duration.ofSeconds(1)));
        budget.acquire(T0, LONG).orElseThrow().done(T0);

        assertThat(budget.acquire(T0, Duration.ofMillis(500))).isEmpty();
        assertThat(budget.delay(T0)).isEqualTo(Duration.ofMillis(1050));
        assertThat(budget.acquire(T0.plusMillis(600), Duration.ofMillis(500))).map(RateSlot::delay)
                .contains(Duration.ofMillis(450));
        assertThat(budget.delay(T0.plusMillis(600))).as("the slot was taken").isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void countsTheWindowFromWhenTheAnswerCame() {
        RateBudget budget = RateBudget.of(RateLimit.of(1, Duration.ofSeconds(1)));
        RateSlot slot = budget.acquire(T0, LONG).orElseThrow();

        slot.done(T0.plusMillis(700));
        slot.done(T0.plusMillis(5000));

        assertThat(budget.delay(T0.plusMillis(800))).as("1050 ms after the first answer")
                .isEqualTo(Duration.ofMillis(950));
    }

    @Test
    void countsARequestStillWaitingForItsAnswerAsArrivingNow() {
        RateBudget budget = RateBudget.of(RateLimit.of(1, Duration.ofSeconds(1)));
        budget.acquire(T0, LONG).orElseThrow();

        assertThat(budget.delay(T0.plusSeconds(3))).isEqualTo(Duration.ofMillis(1050));
        assertThat(budget.acquire(T0.plusSeconds(3), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void stopsCountingASlotNeverSaidDoneAfterTheLongestRequest() {
        RateBudget budget = RateBudget.of(RateLimit.of(1, Duration.ofSeconds(1)));
        budget.acquire(T0, LONG).orElseThrow();

        assertThat(budget.delay(T0.plusSeconds(3600))).isZero();
    }

    @Test
    void waitsOutAPauseAndNeverShortensIt() {
        RateBudget budget = RateBudget.of(RateLimit.UNKNOWN);
        budget.pauseUntil(T0.plusSeconds(30));
        budget.pauseUntil(T0.plusSeconds(5));

        assertThat(budget.acquire(T0, Duration.ofSeconds(1))).isEmpty();
        assertThat(budget.delay(T0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(budget.acquire(T0.plusSeconds(31), Duration.ZERO)).map(RateSlot::delay)
                .contains(Duration.ZERO);
    }

    @Test
    void anUnknownLimitNeverWaitsUnlessThePlatformSaysSo() {
        RateBudget budget = RateBudget.of(RateLimit.UNKNOWN);

        for (int i = 0; i < 10_000; i++) {
            assertThat(budget.acquire(T0, Duration.ZERO).map(RateSlot::delay)).contains(Duration.ZERO);
        }
    }

    @Test
    void pausesWhenThePlatformSaysNoRequestIsLeft() {
        RateBudget budget = RateBudget.of(DISCORD);

        Optional<Duration> asked = budget.observe(204, headers("X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset-After", "1.234", "X-RateLimit-Bucket", "abcd"), "", T0);

        assertThat(asked).as("only a 429 asks").isEmpty();
        assertThat(budget.delay(T0)).isEqualTo(Duration.ofMillis(1234));
    }

    @Test
    void readsTheResetAsEpochSecondsWhenNoResetAfterIsGiven() {
        RateBudget budget = RateBudget.of(DISCORD);

        budget.observe(200, headers("X-RateLimit-Remaining", "0", "X-RateLimit-Reset",
                String.valueOf(T0.getEpochSecond() + 3) + ".5"), "", T0);

        assertThat(budget.delay(T0)).isEqualTo(Duration.ofMillis(3500));
    }

    @Test
    void sendsNoMoreThanThePlatformSaysIsLeftUntilItsCountStartsAgain() {
        RateBudget budget = RateBudget.of(RateLimit.UNKNOWN);

        budget.observe(204, headers("X-RateLimit-Remaining", "2", "X-RateLimit-Reset-After", "1.0"), "", T0);

        assertThat(budget.acquire(T0, Duration.ZERO)).isPresent();
        assertThat(budget.acquire(T0, Duration.ZERO)).isPresent();
        assertThat(budget.acquire(T0, Duration.ZERO)).isEmpty();
        assertThat(budget.delay(T0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(budget.acquire(T0.plusSeconds(1), Duration.ZERO)).as("a new count").isPresent();
    }

    @Test
    void countsItsOwnRequestsInFlightAgainstWhatThePlatformSaysIsLeft() {
        RateBudget budget = RateBudget.of(RateLimit.UNKNOWN);
        budget.acquire(T0, Duration.ZERO).orElseThrow();
        RateSlot answered = budget.acquire(T0, Duration.ZERO).orElseThrow();
        answered.done(T0);

        budget.observe(204, headers("X-RateLimit-Remaining", "2", "X-RateLimit-Reset-After", "1.0"), "", T0);

        assertThat(budget.acquire(T0, Duration.ZERO)).as("one of the two is the request still in flight")
                .isPresent();
        assertThat(budget.acquire(T0, Duration.ZERO)).isEmpty();
    }

    @Test
    void keepsTheLowerOfTwoAnswersWithinOneCount() {
        RateBudget budget = RateBudget.of(RateLimit.UNKNOWN);

        budget.observe(204, headers("X-RateLimit-Remaining", "1", "X-RateLimit-Reset-After", "1.0"), "", T0);
        budget.observe(204, headers("X-RateLimit-Remaining", "4", "X-RateLimit-Reset-After", "0.9"), "", T0);

        assertThat(budget.acquire(T0, Duration.ZERO)).isPresent();
        assertThat(budget.acquire(T0, Duration.ZERO)).isEmpty();
    }

    @Test
    void allowsItselfHalfAsManyRequestsAfterA429ThenOneMoreAfterEachRunOfSuccesses() {
        RateBudget budget = RateBudget.of(RateLimit.of(4, Duration.ofSeconds(1)));
        budget.observe(429, headers(), "", T0);
        budget.observe(429, headers(), "", T0.plusMillis(10));

        assertThat(burst(budget, T0.plusMillis(20))).as("halved once in a window, not twice").isEqualTo(2);

        Instant later = T0.plusSeconds(10);
        budget.observe(204, headers(), "", later);
        budget.observe(204, headers(), "", later);
        assertThat(burst(budget, later)).isEqualTo(3);
    }

    /** How many slots are free at once, each answered at once. */
    private static int burst(RateBudget budget, Instant at) {
        int free = 0;
        for (Optional<RateSlot> slot = budget.acquire(at, Duration.ZERO); slot.isPresent();
                slot = budget.acquire(at, Duration.ZERO)) {
            slot.get().done(at);
            free++;
        }
        return free;
    }

    @Test
    void doesNotPauseWhileRequestsAreLeft() {
        RateBudget budget = RateBudget.of(DISCORD);

        budget.observe(204, headers("X-RateLimit-Remaining", "1", "X-RateLimit-Reset-After", "1.5"), "", T0);

        assertThat(budget.delay(T0)).isZero();
    }

    @Test
    void a429PausesForDiscordsRetryAfterInTheBodyBeforeTheHeader() {
        RateBudget budget = RateBudget.of(DISCORD);

        Optional<Duration> asked = budget.observe(429, headers("Retry-After", "7"),
                "{\"message\": \"You are being rate limited.\", \"retry_after\": 0.641, \"global\": false}", T0);

        assertThat(asked).contains(Duration.ofMillis(641));
        assertThat(budget.delay(T0)).isEqualTo(Duration.ofMillis(641));
    }

    @Test
    void a429PausesForTelegramsRetryAfterInItsParameters() {
        RateBudget budget = RateBudget.of(DISCORD);

        Optional<Duration> asked = budget.observe(429, headers(), "{\"ok\":false,\"error_code\":429,"
                + "\"description\":\"Too Many Requests: retry after 5\",\"parameters\":{\"retry_after\":5}}", T0);

        assertThat(asked).contains(Duration.ofSeconds(5));
        assertThat(budget.delay(T0)).isEqualTo(Duration.ofSeconds(5));
    }

    @ParameterizedTest(name = "Retry-After {0} gives {1} ms")
    @CsvSource(delimiter = '|', value = {
        "2             | 2000",
        "2.007         | 2007",
        "0.0001        | 1",
        "1e30          | 3600000",
        "1e999999999   | 3600000",
        "99999999999999999999999999 | 3600000",
        "Mon, 30 Nov 2026 12:00:04 GMT | 4000",
    })
    void clampsWhatA429AsksForToAnHour(String retryAfter, long millis) {
        RateBudget budget = RateBudget.of(DISCORD);

        assertThat(budget.observe(429, headers("Retry-After", retryAfter), "", T0))
                .contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-5                         | ",
        "soon                       | ",
        "Mon, 30 Nov 2026 11:59:00 GMT | ",
        "NaN                        | ",
        "                           | {\"retry_after\": -18446744073709551.616}",
        "                           | {\"retry_after\": \"1\"}",
        "                           | {\"parameters\": {\"retry_after\": -5}}",
        "                           | {\"parameters\": 5, \"retry_after\": null}",
        "                           | <html>429</html>",
    })
    void ignoresNegativeUnreadableAndPastWaits(String retryAfter, String body) {
        RateBudget budget = RateBudget.of(DISCORD);
        ResponseHeaders headers = retryAfter == null ? headers() : headers("Retry-After", retryAfter);

        assertThat(budget.observe(429, headers, body == null ? "" : body, T0)).isEmpty();
        assertThat(budget.delay(T0)).isZero();
    }

    @Test
    void sharesOneBudgetPerWebhookUrl() {
        RateBudgets budgets = RateBudgets.create();

        RateBudget first = budgets.forWebhook(Secret.of("https://discord.com/api/webhooks/1/a"), DISCORD);

        assertThat(budgets.forWebhook(Secret.of("https://discord.com/api/webhooks/1/a"), RateLimit.UNKNOWN))
                .isSameAs(first);
        assertThat(budgets.forWebhook(Secret.of("https://discord.com/api/webhooks/2/b"), DISCORD))
                .isNotSameAs(first);
        assertThat(first.limit()).isEqualTo(DISCORD);
    }

    @ParameterizedTest(name = "{0} ms is {1} s")
    @CsvSource({"0, 0", "1, 1", "1000, 1", "1001, 2", "59999, 60", "86400000, 43200"})
    void roundsRetryAfterUpToWholeSecondsForAVisibilityTimeout(long millis, int seconds) {
        assertThat(new RateLimitedException("rate limited", Duration.ofMillis(millis)).retryAfterSeconds())
                .isEqualTo(seconds);
    }

    @Test
    void neverCarriesANegativeRetryAfter() {
        assertThat(new RateLimitedException("rate limited", Duration.ofMillis(-5)).retryAfter()).isZero();
    }

    private static ResponseHeaders headers(String... namesAndValues) {
        return ResponseHeaders.of(namesAndValues);
    }
}
