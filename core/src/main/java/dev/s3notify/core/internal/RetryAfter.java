package dev.s3notify.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** How long a 429 response asks the sender to wait. */
final class RetryAfter {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than any Lambda deadline: a bigger value only has to be recognised as too long, not overflow. */
    static final Duration LONGEST = Duration.ofDays(1);

    private RetryAfter() {
    }

    /**
     * Discord's {@code retry_after} in the JSON body (float seconds), else the {@code Retry-After} header (seconds
     * or an HTTP date).
     *
     * @param response a 429 response
     * @param now the sender's clock, for an HTTP date
     * @return the wait, rounded up to the millisecond and at most {@link #LONGEST}; empty when none is given
     */
    static Optional<Duration> of(HttpResponse<String> response, Instant now) {
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body != null && body.path("retry_after").isNumber()) {
                return Optional.of(seconds(body.get("retry_after").decimalValue()));
            }
        } catch (IOException e) {
            // not JSON: fall back to the header
        }
        return response.headers().firstValue("Retry-After").flatMap(value -> parse(value.trim(), now));
    }

    private static Optional<Duration> parse(String value, Instant now) {
        try {
            return Optional.of(seconds(new BigDecimal(value)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(bounded(Duration.between(now, at)));
            } catch (DateTimeParseException | ArithmeticException again) {
                return Optional.empty();
            }
        }
    }

    private static Duration seconds(BigDecimal seconds) {
        if (seconds.compareTo(BigDecimal.valueOf(LONGEST.toSeconds())) > 0) {
            return LONGEST;
        }
        // Exact decimal arithmetic: 2.007 s is 2007 ms, not the 2008 that 2.007 * 1000.0 rounds up to.
        return bounded(Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValue()));
    }

    private static Duration bounded(Duration wait) {
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
