package dev.s3notify.ntfy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** ntfy's rules, checked on a parsed body. */
final class NtfyLimits {
    private NtfyLimits() {
    }

    static void assertWithinLimits(JsonNode body) {
        assertThat(body.path("topic").asText()).matches("[-_A-Za-z0-9]{1,64}");
        assertThat(body.path("message").asText().getBytes(StandardCharsets.UTF_8).length).as("message bytes")
                .isBetween(1, 4_096);
        assertThat(body.path("title").asText()).doesNotContain("\n", "\r");
        assertThat(body.path("priority").asInt()).isBetween(1, 5);
        assertThat(body.path("actions").size()).isLessThanOrEqualTo(3);
        body.path("actions").forEach(action -> assertThat(action.path("action").asText()).isEqualTo("view"));
    }
}
