package dev.s3notify.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.testkit.HostileInput;
import dev.s3notify.testkit.LinkEvents;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MattermostFormatterTest {
    static final String CUSTOM_TEMPLATE = "{{#deleted}}Gone: {{key}}{{/deleted}}"
            + "{{^deleted}}{{fileName}} ({{sizeText}}) is ready: {{{fileUrl}}}{{/deleted}}";
    static final Map<String, String> OVERRIDES = Map.of("MATTERMOST_USERNAME", "Finance uploads",
            "MATTERMOST_ICON_URL", "https://example.com/icon.png", "MATTERMOST_CHANNEL", "finance-reports");
    private static final String DEFAULT = MattermostEvents.PROVIDER.defaultTemplate();

    static Stream<Arguments> goldenPayloads() {
        LinkEvent upload = LinkEvents.upload().build();
        LinkEvent deletion = LinkEvents.deletion().build();
        return Stream.of(
                Arguments.of("created-default.json", upload, DEFAULT, Map.of()),
                Arguments.of("deleted-default.json", deletion, DEFAULT, Map.of()),
                Arguments.of("restored-default.json", LinkEvents.restore().build(), DEFAULT, Map.of()),
                Arguments.of("old-system-default.json", LinkEvents.oldSystem().build(), DEFAULT, Map.of()),
                Arguments.of("created-custom.json", upload, CUSTOM_TEMPLATE, OVERRIDES),
                Arguments.of("created-text.json", upload, DEFAULT, Map.of("MATTERMOST_FORMAT", "text")),
                Arguments.of("deleted-text-custom.json", deletion, CUSTOM_TEMPLATE, withText(OVERRIDES)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenPayloads")
    void postsTheExpectedPayload(String fixture, LinkEvent event, String template, Map<String, String> settings) {
        assertThat(MattermostEvents.format(event, template, settings)).isEqualTo(MattermostEvents.fixture(fixture));
    }

    @Test
    void postsPlainJsonWithoutHeadersOrQuery() {
        WebhookRequest request = MattermostEvents.request(LinkEvents.upload().build(), DEFAULT, Map.of());

        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.headers()).isEmpty();
        assertThat(request.query()).isEmpty();
    }

    @Test
    void leavesOutOverridesThatAreNotSet() {
        JsonNode body = MattermostEvents.format(LinkEvents.upload().build(), DEFAULT, Map.of());

        assertThat(body.has("username")).isFalse();
        assertThat(body.has("icon_url")).isFalse();
        assertThat(body.has("channel")).isFalse();
    }

    @Test
    void neverPutsTheFileNameInTheTitleWhichMattermostRunsSlackConversionsOver() {
        JsonNode body = MattermostEvents.format(HostileInput.created("up/<!channel>.pdf", HostileInput.url("c")),
                DEFAULT, Map.of());

        assertThat(body.path("attachments").path(0).path("title").asText()).isEqualTo("New file");
        assertThat(body.toString()).doesNotContain("<!channel>").contains("&lt;!channel&gt;.pdf");
    }

    @Test
    void givesAnEmptyTemplateTheHeadlineInTextFormatWhichMattermostNeedsSomeTextFor() {
        JsonNode body = MattermostEvents.format(LinkEvents.upload("up/a_b.pdf").build(), "",
                Map.of("MATTERMOST_FORMAT", "text"));

        assertThat(body.path("text").asText()).isEqualTo("New file: a\\_b.pdf");
    }

    @Test
    void keepsALinkWithParenthesesInsideItsMarkdownLink() {
        String url = "https://example.com/a(1).pdf?X-Amz-Signature=00";
        JsonNode body = MattermostEvents.format(HostileInput.created("up/a.pdf", url), DEFAULT, Map.of());

        JsonNode attachment = body.path("attachments").path(0);
        assertThat(attachment.path("text").asText()).contains("[Download](https://example.com/a%281%29.pdf?");
        assertThat(attachment.path("title_link").asText()).isEqualTo("https://example.com/a%281%29.pdf?X-Amz-Signature=00");
    }

    @Test
    void colorsTheAttachmentByWhatHappened() {
        assertThat(MattermostMessage.color(EventType.CREATED)).isEqualTo("#2EB886");
        assertThat(MattermostMessage.color(EventType.DELETED)).isEqualTo("#A30200");
        assertThat(MattermostMessage.color(EventType.RESTORE_STARTED)).isEqualTo("#439FE0");
    }

    private static Map<String, String> withText(Map<String, String> settings) {
        Map<String, String> copy = new java.util.HashMap<>(settings);
        copy.put("MATTERMOST_FORMAT", "text");
        return copy;
    }
}
