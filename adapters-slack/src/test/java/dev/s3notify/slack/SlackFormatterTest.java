package dev.s3notify.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.spi.KindSettings;
import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlackFormatterTest {
    private static final String CUSTOM = "{{#hasLink}}{{fileName}} ({{sizeText}}) is ready: <{{{fileUrl}}}|get it>"
            + "{{/hasLink}}{{^hasLink}}{{fileName}} is gone{{/hasLink}}";
    private static final String KEY = "reports/2026/Q3 report.pdf";
    private final SlackFormatterProvider formatter = new SlackFormatterProvider();

    static Stream<Arguments> goldenPayloads() {
        String standard = new SlackFormatterProvider().defaultTemplate();
        return Stream.of(
                Arguments.of("created-default.json", SlackEvents.created(KEY), standard),
                Arguments.of("deleted-default.json", SlackEvents.deleted(KEY), standard),
                Arguments.of("restored-default.json",
                        SlackEvents.event("archive/scan.tiff", SlackEvents.URL, EventType.RESTORED), standard),
                Arguments.of("restore-started-default.json",
                        SlackEvents.event("archive/scan.tiff", null, EventType.RESTORE_STARTED), standard),
                Arguments.of("restore-expired-default.json",
                        SlackEvents.event("archive/scan.tiff", null, EventType.RESTORE_EXPIRED), standard),
                Arguments.of("old-system-default.json", SlackEvents.oldSystem(), standard),
                Arguments.of("created-custom.json", SlackEvents.created(KEY), CUSTOM),
                Arguments.of("deleted-custom.json", SlackEvents.deleted(KEY), CUSTOM));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenPayloads")
    void buildsTheExpectedPayload(String fixture, LinkEvent event, String template) {
        JsonNode body = SlackEvents.format(event, template);

        assertThat(body).isEqualTo(SlackEvents.fixture(fixture));
        SlackLimits.assertWithinLimits(body);
    }

    @Test
    void postsJsonWithNoExtraHeadersOrQuery() {
        WebhookRequest request = SlackEvents.formatter(Map.of())
                .format(new Notification(SlackEvents.created(KEY), "hi", "evt-1"));

        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.headers()).isEmpty();
        assertThat(request.query()).isEmpty();
    }

    @Test
    void showsTheExpiryInEachReadersTimeZoneWithAFallback() {
        JsonNode context = SlackEvents.format(SlackEvents.created(KEY), "x").path("blocks").get(3);

        assertThat(context.path("elements").get(2).path("text").asText())
                .isEqualTo("*Link expires:* <!date^1795367781^{date_short_pretty} {time}|2026-11-22 17:16 UTC>");
    }

    @Test
    void leavesTheButtonOutWhenDisabled() {
        JsonNode body = SlackEvents.format(SlackEvents.created(KEY), formatter.defaultTemplate(),
                Map.of("SLACK_DOWNLOAD_BUTTON", "false"));

        assertThat(SlackEvents.blockTypes(body)).containsExactly("header", "section", "context");
        assertThat(body.path("blocks").get(1).path("text").path("text").asText()).contains("|Download>");
    }

    @Test
    void refusesAButtonSettingThatIsNotABoolean() {
        assertThatThrownBy(() -> KindSettings.of(formatter.variables(),
                Map.of("SLACK_DOWNLOAD_BUTTON", "sometimes")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("SLACK_DOWNLOAD_BUTTON");
    }

    @Test
    void omitsTheSectionForAnEmptyTemplateButKeepsTheButton() {
        JsonNode body = SlackEvents.format(SlackEvents.created(KEY), "");

        assertThat(SlackEvents.blockTypes(body)).containsExactly("header", "actions", "context");
    }

    @Test
    void namesTheKeyWhenTheFileNameIsBlank() {
        LinkEvent folder = SlackEvents.event("", "incoming/batch-7/", SlackEvents.URL, EventType.CREATED);
        JsonNode body = SlackEvents.format(folder, "");

        assertThat(body.path("blocks").get(0).path("text").path("text").asText()).isEqualTo("incoming/batch-7/");
        assertThat(body.path("text").asText()).isEqualTo("New file: incoming/batch-7/");
    }

    @Test
    void defaultTemplateHasASentenceForEveryEventType() {
        for (EventType type : EventType.values()) {
            String text = SlackEvents.format(SlackEvents.named("a.pdf", type), formatter.defaultTemplate())
                    .path("blocks").get(1).path("text").path("text").asText();
            assertThat(text).as(type.wireName()).startsWith(":").contains("*a.pdf*", "*example-uploads*");
            assertThat(text.contains("|Download>")).as(type.wireName()).isEqualTo(type.downloadable());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.slack.com/services/T000/B000/XXXX",
            "https://hooks.slack.com/workflows/T000/A000/123/XXXX", "https://hooks.slack.com/triggers/T000/1/XXXX",
            "https://HOOKS.SLACK.COM/services/T000/B000/XXXX", "https://hooks.slack-gov.com/services/T0/B0/X"})
    void recognizesSlackWebhooks(String url) {
        assertThat(formatter.recognizes(URI.create(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://discord.com/api/webhooks/1/x", "https://hooks.slack.com/apps/A000",
            "https://hooks.slack.com.evil.example/services/T/B/X", "https://slack.com/services/T/B/X",
            "https://example.com/hooks.slack.com/services/T/B/X", "https://hooks.slack.com", "mailto:a@b.example"})
    void recognizesNothingElse(String url) {
        assertThat(formatter.recognizes(URI.create(url))).isFalse();
    }

    @Test
    void declaresTheButtonVariableWithItsDefault() {
        assertThat(formatter.variables()).singleElement().satisfies(variable -> {
            assertThat(variable.name()).isEqualTo("SLACK_DOWNLOAD_BUTTON");
            assertThat(variable.defaultValue()).isEqualTo("true");
        });
        assertThat(formatter.kind()).isEqualTo("slack");
    }
}
