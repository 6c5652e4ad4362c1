package dev.s3notify.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

    private RetryAfter() {
    }

    /** Discord's {@code retry_after} in the JSON body (float seconds), else the {@code Retry-After} header. */
    static Optional<Duration> of(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body != null && body.path("retry_after").isNumber()) {
                return Optional.of(seconds(body.get("retry_after").asDouble()));
            }
        } catch (IOException e) {
            // not JSON: fall back to the header
        }
        return response.headers().firstValue("Retry-After").flatMap(RetryAfter::parse);
    }

    private static Optional<Duration> parse(String value) {
        try {
            return Optional.of(seconds(Double.parseDouble(value.trim())));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(seconds(Duration.between(Instant.now(), at).toMillis() / 1000.0));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.max(0, (long) Math.ceil(seconds * 1000)));
    }
}
