package dev.s3notify.ntfy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.testkit.HostileInput;
import dev.s3notify.testkit.LinkEvents;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NtfyFormatterTest {
    static final String CUSTOM_TEMPLATE = "{{#deleted}}Gone: {{key}}{{/deleted}}"
            + "{{^deleted}}{{fileName}} ({{sizeText}}) is ready: {{{fileUrl}}}{{/deleted}}";
    static final Map<String, String> CUSTOM = Map.of("NTFY_TAGS", "warning, finance", "NTFY_PRIORITY", "high",
            "NTFY_ACCESS_TOKEN", NtfyEvents.TOKEN);
    private static final String DEFAULT = NtfyEvents.PROVIDER.defaultTemplate();

    static Stream<Arguments> goldenPayloads() {
        LinkEvent upload = LinkEvents.upload().build();
        LinkEvent deletion = LinkEvents.deletion().build();
        return Stream.of(
                Arguments.of("created-default.json", upload, DEFAULT, Map.of()),
                Arguments.of("deleted-default.json", deletion, DEFAULT, Map.of()),
                Arguments.of("restored-default.json", LinkEvents.restore().build(), DEFAULT, Map.of()),
                Arguments.of("old-system-default.json", LinkEvents.oldSystem().build(), DEFAULT, Map.of()),
                Arguments.of("created-custom.json", upload, CUSTOM_TEMPLATE, CUSTOM),
                Arguments.of("deleted-custom.json", deletion, CUSTOM_TEMPLATE, CUSTOM));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenPayloads")
    void postsTheExpectedPayload(String fixture, LinkEvent event, String template, Map<String, String> settings) {
        assertThat(NtfyEvents.parse(NtfyEvents.request(event, template, settings).body()))
                .isEqualTo(NtfyEvents.fixture(fixture));
    }

    @Test
    void sendsTheAccessTokenAsABearerHeaderOnly() {
        WebhookRequest request = NtfyEvents.request(LinkEvents.upload().build(), DEFAULT, CUSTOM);

        assertThat(request.headers()).isEqualTo(Map.of("Authorization", "Bearer " + NtfyEvents.TOKEN));
        assertThat(request.body()).doesNotContain(NtfyEvents.TOKEN);
        assertThat(request.toString()).doesNotContain(NtfyEvents.TOKEN);
        assertThat(request.query()).isEmpty();
    }

    @Test
    void sendsNoAuthorizationWithoutAToken() {
        assertThat(NtfyEvents.request(LinkEvents.upload().build(), DEFAULT, Map.of()).headers()).isEmpty();
    }

    @Test
    void dropsClickBeforeTheButtonWhenALongLinkWouldMakeTheBodyTooLarge() {
        String link = HostileInput.longUrl("long", 3_000);
        WebhookRequest request = NtfyEvents.request(HostileInput.created("up/a.pdf", link), CUSTOM_TEMPLATE, Map.of());

        JsonNode body = NtfyEvents.parse(request.body());
        assertThat(request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(NtfyFormatter.MAX_BODY_BYTES);
        assertThat(body.has("click")).isFalse();
        assertThat(body.path("actions").path(0).path("url").asText()).isEqualTo(link);
        assertThat(body.path("message").asText()).contains(link);
    }

    @Test
    void keepsAHostileNameOnOneLineInTheTitleWithoutBidiOverrides() {
        JsonNode body = NtfyEvents.parse(NtfyEvents.request(HostileInput.created("up/a\nb\u202Ec.pdf",
                HostileInput.url("x")), DEFAULT, Map.of()).body());

        assertThat(body.path("title").asText()).isEqualTo("New file: a b\uFFFDc.pdf");
        assertThat(body.path("message").asText()).doesNotContain("\u202E");
    }

    @Test
    void declaresNtfysRequestRate() {
        assertThat(NtfyEvents.formatter(Map.of()).rateLimit()).isEqualTo(RateLimit.of(1, Duration.ofSeconds(5)));
    }
}
