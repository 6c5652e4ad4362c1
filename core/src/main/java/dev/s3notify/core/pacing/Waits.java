package dev.s3notify.core.pacing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.support.Json;
import dev.s3notify.core.support.ResponseHeaders;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a platform's answer says about waiting, read defensively: any value a server sends is clamped to between
 * zero and {@link #LONGEST}, and one that is negative, not a number or a date in the past gives nothing.
 */
final class Waits {
    /** The longest wait believed: a bigger one is absurd, and waiting it would only delay the retry. */
    static final Duration LONGEST = Duration.ofHours(1);
    private static final BigDecimal LONGEST_SECONDS = BigDecimal.valueOf(LONGEST.toSeconds());
    /** Epoch seconds from here on are dates (X-RateLimit-Reset); below, delays. */
    private static final BigDecimal EPOCH_FLOOR = BigDecimal.valueOf(1_000_000_000L);
    private static final Pattern NUMBER = Pattern.compile("([-+]?(?:\\d{1,30}(?:\\.\\d{0,30})?|\\.\\d{1,30}))"
            + "(?:[eE]([-+]?\\d{1,30}))?");

    private Waits() {
    }

    /**
     * A 429's wait: Discord's {@code retry_after} in the JSON body (float seconds), or Telegram's
     * {@code parameters.retry_after} (whole seconds), else the {@code Retry-After} header (seconds or an HTTP date).
     *
     * @param headers the answer's headers
     * @param body the start of its body (at most a few KB), possibly empty
     * @param now the current time, for an HTTP date
     * @return the wait, rounded up to the millisecond; empty when none is given or it is negative or unreadable
     */
    static Optional<Duration> retryAfter(ResponseHeaders headers, String body, Instant now) {
        Optional<Duration> fromBody = bodyRetryAfter(body);
        if (fromBody.isPresent()) {
            return fromBody;
        }
        return headers.firstValue("Retry-After").map(String::trim).flatMap(value -> delayOrDate(value, now));
    }

    /**
     * @param headers an answer's headers
     * @return how many requests the platform says are left ({@code X-RateLimit-Remaining}), at least zero
     */
    static Optional<Integer> remaining(ResponseHeaders headers) {
        return headers.firstValue("X-RateLimit-Remaining").flatMap(Waits::number)
                .map(left -> left.signum() <= 0 ? 0 : left.min(BigDecimal.valueOf(1_000_000)).intValue());
    }

    /**
     * @param headers an answer's headers
     * @param now the current time
     * @return when the platform says its count starts again: {@code X-RateLimit-Reset-After} (seconds), else
     *     {@code X-RateLimit-Reset} (epoch seconds); clamped to an hour, empty when absent, negative or past
     */
    static Optional<Duration> resetIn(ResponseHeaders headers, Instant now) {
        Optional<Duration> after = headers.firstValue("X-RateLimit-Reset-After").flatMap(Waits::number)
                .flatMap(Waits::seconds);
        if (after.isPresent()) {
            return after;
        }
        return headers.firstValue("X-RateLimit-Reset").flatMap(Waits::number)
                .filter(epoch -> epoch.compareTo(EPOCH_FLOOR) >= 0)
                .flatMap(epoch -> seconds(epoch.subtract(BigDecimal.valueOf(now.toEpochMilli(), 3))));
    }

    private static Optional<Duration> bodyRetryAfter(String body) {
        if (body == null || body.isBlank() || body.strip().charAt(0) != '{') {
            return Optional.empty();
        }
        // The shared mapper, first touched here when nothing else has (a 429's body): a 2xx never needs it.
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            JsonNode node = Json.MAPPER.readTree(parser);
            JsonNode value = node == null ? null : node.get("retry_after");
            if (value == null && node != null && node.path("parameters").isObject()) {
                // Telegram's error shape: {"ok":false,"error_code":429,"parameters":{"retry_after":5}}
                value = node.path("parameters").get("retry_after");
            }
            return value != null && value.isNumber() ? seconds(value.decimalValue()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // not JSON, or cut short: fall back to the header
            return Optional.empty();
        }
    }

    private static Optional<Duration> delayOrDate(String value, Instant now) {
        Optional<BigDecimal> delay = number(value);
        if (delay.isPresent()) {
            return seconds(delay.get());
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isBefore(now) ? Optional.empty() : Optional.of(clamp(Duration.between(now, at)));
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> number(String value) {
        Matcher number = NUMBER.matcher(value.trim());
        if (!number.matches()) {
            return Optional.empty();
        }
        try {
            BigDecimal mantissa = new BigDecimal(number.group(1));
            String exponent = number.group(2);
            if (exponent == null || mantissa.signum() == 0) {
                return Optional.of(mantissa);
            }
            // "1e999999999" is absurdly far (or, negative, absurdly near): no need to compute it exactly.
            int scale = exponent.replace("+", "").length() > 4 ? (exponent.startsWith("-") ? -9999 : 9999)
                    : Integer.parseInt(exponent.replace("+", ""));
            return Optional.of(mantissa.scaleByPowerOfTen(scale));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Seconds as a wait, rounded up to the millisecond: 2.007 s is 2007 ms, exactly. */
    private static Optional<Duration> seconds(BigDecimal seconds) {
        if (seconds.signum() < 0) {
            return Optional.empty();
        }
        if (seconds.compareTo(LONGEST_SECONDS) > 0) {
            return Optional.of(LONGEST);
        }
        return Optional.of(Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.CEILING)
                .longValueExact()));
    }

    private static Duration clamp(Duration wait) {
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
