package dev.s3notify.core.queue;

import dev.s3notify.core.Destination;
import dev.s3notify.core.RateLimit;
import java.time.Duration;

/**
 * Each shipped platform's documented rate per webhook, until formatters declare theirs: Discord 5 requests per
 * 2 s, Slack 1 per second, Teams 4 per second; anything else is paced only by what it answers.
 */
final class PlatformRates {
    private PlatformRates() {
    }

    /**
     * @param destination a destination
     * @return its platform's rate
     */
    static RateLimit of(Destination destination) {
        return switch (DestinationKey.kind(destination)) {
            case "discord" -> RateLimit.of(5, Duration.ofSeconds(2));
            case "slack" -> RateLimit.of(1, Duration.ofSeconds(1));
            case "teams" -> RateLimit.of(4, Duration.ofSeconds(1));
            default -> RateLimit.UNKNOWN;
        };
    }
}
