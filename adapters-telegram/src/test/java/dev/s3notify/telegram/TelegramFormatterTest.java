package dev.s3notify.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.text.TextUnit;
import dev.s3notify.testkit.HostileInput;
import dev.s3notify.testkit.LinkEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TelegramFormatterTest {
    static final String CUSTOM_TEMPLATE = "{{#deleted}}Gone: <code>{{key}}</code>{{/deleted}}"
            + "{{^deleted}}<b>{{fileName}}</b> ({{sizeText}}) is ready: <a href=\"{{fileUrl}}\">get it</a>{{/deleted}}";
    static final Map<String, String> CUSTOM_SETTINGS = Map.of("TELEGRAM_CHAT_ID", "@example_uploads",
            "TELEGRAM_THREAD_ID", "42", "TELEGRAM_DISABLE_NOTIFICATION", "true");

    static Stream<Arguments> goldenPayloads() {
        String defaultTemplate = Messages.PROVIDER.defaultTemplate();
        LinkEvent deleted = LinkEvents.deletion("reports/old.pdf").build();
        return Stream.of(
                Arguments.of("created-default.json", Messages.upload(), defaultTemplate, Map.of()),
                Arguments.of("deleted-default.json", deleted, defaultTemplate, Map.of()),
                Arguments.of("old-system-default.json", LinkEvents.oldSystem().build(), defaultTemplate, Map.of()),
                Arguments.of("created-custom.json", Messages.upload(), CUSTOM_TEMPLATE, CUSTOM_SETTINGS),
                Arguments.of("deleted-custom.json", deleted, CUSTOM_TEMPLATE, CUSTOM_SETTINGS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenPayloads")
    void sendsTheExpectedBody(String fixture, LinkEvent event, String template, Map<String, String> settings) {
        assertThat(Messages.json(Messages.format(event, template, settings))).isEqualTo(Messages.fixture(fixture));
    }

    @Test
    void postsJsonWithNoHeadersOrQuery() {
        WebhookRequest request = Messages.format(Messages.upload());

        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.headers()).isEmpty();
        assertThat(request.query()).isEmpty();
    }

    @Test
    void putsTheLinkInADownloadButton() {
        JsonNode button = Messages.json(Messages.format(Messages.upload())).path("reply_markup")
                .path("inline_keyboard").path(0).path(0);

        assertThat(button.path("text").asText()).isEqualTo("Download");
        assertThat(button.path("url").asText()).isEqualTo(Messages.upload().fileUrl());
    }

    @Test
    void keepsALinkTooLongForAButtonInTheTextOnly() {
        String link = HostileInput.longUrl("long", 3_000);
        JsonNode body = Messages.json(Messages.format(HostileInput.created("big.bin", link)));

        assertThat(body.has("reply_markup")).isFalse();
        assertThat(body.path("text").asText()).contains("href=\"" + link.replace("&", "&amp;") + "\"");
    }

    @Test
    void offersNoButtonWithoutALink() {
        assertThat(Messages.json(Messages.format(HostileInput.deleted("a.pdf"))).has("reply_markup")).isFalse();
    }

    @Test
    void keepsAHostileLongNameWithinWhatTelegramCountsAndTheLinkWhole() {
        LinkEvent event = HostileInput.created(HostileInput.LONG_KEY, HostileInput.url("k"));
        String text = Messages.json(Messages.format(event, "{{key}} ".repeat(20) + "<a href=\"{{fileUrl}}\">get"
                + "</a>", Map.of())).path("text").asText();

        assertThat(TextUnit.UTF16_UNITS.length(text)).isLessThanOrEqualTo(4000);
        assertThat(TelegramHtml.visibleLength(text)).isLessThanOrEqualTo(4000);
        assertThat(text).endsWith("…").doesNotContain("<a href");
    }

    @Test
    void cutsBeforeALinksTagRatherThanThroughItsHref() {
        LinkEvent event = HostileInput.created("a.pdf", HostileInput.longUrl("a", 600));
        String text = Messages.json(Messages.format(event, "<i>" + "x".repeat(3_700) + " <a href=\"{{fileUrl}}\">get"
                + "</a></i>", Map.of())).path("text").asText();

        assertThat(text).isEqualTo("<i>" + "x".repeat(3_700) + "…</i>");
        TelegramLimits.assertWithin(Messages.json(Messages.format(event, "<i>" + "x".repeat(3_700)
                + " <a href=\"{{fileUrl}}\">get</a></i>", Map.of())));
    }

    @Test
    void closesTheBoldACutLeftOpen() {
        LinkEvent event = HostileInput.created(HostileInput.LONG_KEY, HostileInput.url("k"));
        String text = Messages.json(Messages.format(event, "<b>{{key}} {{key}}</b>", Map.of())).path("text").asText();

        assertThat(text).startsWith("<b>deep/kkk").endsWith("…</b>");
    }

    @Test
    void saysWhichFileWhenTheTemplateRendersNothing() {
        String text = Messages.json(Messages.format(Messages.upload(), "<b>{{#deleted}}gone{{/deleted}}</b>",
                Map.of())).path("text").asText();

        assertThat(text).isEqualTo("📄 <b>Q3 report.pdf</b>");
    }

    @Test
    void refusesATemplateWithATagTelegramDoesNotSupport() {
        assertThatThrownBy(() -> Messages.format(Messages.upload(), "{{fileName}}<br>done", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<br>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"123456789, 1, 1", "-1001234567890, 1, 3", "-4012345678, 1, 3", "@example_uploads, 1, 3"})
    void pacesToTheChatsDocumentedRate(String chat, int requests, int seconds) {
        assertThat(Messages.formatter(Map.of("TELEGRAM_CHAT_ID", chat)).rateLimit())
                .isEqualTo(RateLimit.of(requests, Duration.ofSeconds(seconds)));
    }

    @Test
    void documentsBothDefaultTemplatesInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme).contains("```\n" + Messages.PROVIDER.defaultTemplate() + "\n```")
                .contains("```\n" + Messages.PROVIDER.defaultDigestTemplate() + "\n```");
    }
}
