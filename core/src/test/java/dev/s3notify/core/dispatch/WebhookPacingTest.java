package dev.s3notify.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.pacing.RateBudgets;
import dev.s3notify.core.pacing.RateLimitedException;
import dev.s3notify.core.support.Jitter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many senders in one process share a webhook's budget against a webhook that enforces Discord's limit (5 requests
 * per 2 s). What cannot go now is handed back with a retry time and comes back after it, as an SQS message with a
 * visibility timeout would: every message is delivered once, and 429s stay rare. Prints the figures.
 */
class WebhookPacingTest {
    private static final int MESSAGES = 30;
    private static final int SENDERS = 12;
    private static final RateLimit DISCORD = RateLimit.of(5, Duration.ofSeconds(2));

    @Test
    void concurrentSendersSharingABudgetStayWithinDiscordsLimit() throws Exception {
        Run run = run(1);

        assertThat(run.tooMany).as("answers of 429").isLessThanOrEqualTo(2);
        assertThat(run.elapsed).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(40));
    }

    @Test
    void instancesWithBudgetsOfTheirOwnAreHeldBackByTheRateLimitHeaders() throws Exception {
        Run run = run(2);

        // Two instances each allowed 5 per 2 s would send twice the rate: the first burst collides (5 refused),
        // then what the platform says is left, its 429s and each budget halving after one keep them near its count.
        assertThat(run.tooMany).as("answers of 429").isLessThanOrEqualTo(MESSAGES / 3);
        assertThat(run.elapsed).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    /** What a run came to. */
    private record Run(int tooMany, Duration elapsed) {
    }

    private Run run(int instances) throws Exception {
        try (DiscordLikeWebhook webhook = new DiscordLikeWebhook(5, Duration.ofSeconds(2))) {
            List<WebhookSender> instance = new java.util.ArrayList<>();
            for (int i = 0; i < instances; i++) {
                instance.add(new WebhookSender(HttpTransport.create(null), Duration.ofSeconds(5), 4,
                        d -> Thread.sleep(d.toMillis()), Jitter.SHARED, Clock.systemUTC())
                        .pacedBy(RateBudgets.create(), Duration.ofSeconds(1)));
            }
            Destination destination = SenderFixtures.destination(webhook.url());
            DelayQueue<Message> queue = new DelayQueue<>();
            for (int i = 0; i < MESSAGES; i++) {
                queue.add(new Message(i, System.nanoTime()));
            }
            List<Duration> handedBack = new CopyOnWriteArrayList<>();
            AtomicInteger done = new AtomicInteger();
            long started = System.nanoTime();

            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            for (int s = 0; s < SENDERS; s++) {
                WebhookSender sender = instance.get(s % instances);
                senders.execute(() -> {
                    while (done.get() < MESSAGES) {
                        Message message = poll(queue);
                        if (message == null) {
                            continue;
                        }
                        try {
                            sender.send(destination, WebhookRequest.json("{\"id\":" + message.id + "}"),
                                    SenderFixtures.notification(), Instant.now().plusSeconds(30), DISCORD);
                            done.incrementAndGet();
                        } catch (RateLimitedException e) {
                            handedBack.add(e.retryAfter());
                            queue.add(new Message(message.id, System.nanoTime() + e.retryAfter().toNanos()));
                        }
                    }
                });
            }
            senders.shutdown();
            assertThat(senders.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            System.out.printf("pacing: %d messages, %d senders in %d instance(s), Discord-like 5 per 2 s: %d"
                    + " delivered, %d answers of 429, %d handed back (retryAfter %s to %s), last delivery after %.1f s"
                    + " (ideal %.1f s)%n", MESSAGES, SENDERS, instances, webhook.delivered.size(), webhook.tooMany.get(), handedBack.size(),
                    handedBack.stream().min(Duration::compareTo).orElse(Duration.ZERO),
                    handedBack.stream().max(Duration::compareTo).orElse(Duration.ZERO), elapsed.toMillis() / 1000.0,
                    (MESSAGES / 5 - 1) * 2.0);
            assertThat(webhook.delivered).hasSize(MESSAGES).doesNotHaveDuplicates();
            assertThat(handedBack).isNotEmpty().allSatisfy(wait -> assertThat(wait)
                    .isBetween(Duration.ZERO, Duration.ofSeconds(5)));
            return new Run(webhook.tooMany.get(), elapsed);
        }
    }

    private static Message poll(DelayQueue<Message> queue) {
        try {
            return queue.poll(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A message that may be taken from the queue from {@code dueNanos} on, as SQS's visibility timeout does. */
    private record Message(int id, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
