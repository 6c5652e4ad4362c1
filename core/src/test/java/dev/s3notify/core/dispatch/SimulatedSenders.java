package dev.s3notify.core.dispatch;

import dev.s3notify.core.support.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;

/** Core's real webhook sender on a simulated clock, for the queue simulation: its waits advance that clock. */
public final class SimulatedSenders {
    private SimulatedSenders() {
    }

    /**
     * @param clock the simulated time
     * @param pause how a wait passes (advancing the simulated clock)
     * @param seed the jitter's seed
     * @return a sender with rate budgets of its own, as one Lambda execution environment has
     */
    public static WebhookSender create(Clock clock, Sleeper pause, long seed) {
        return new WebhookSender(HttpTransport.create(null),
                Duration.ofSeconds(10), 4, pause, new SplittableRandom(seed), clock);
    }
}
