package com.example.googlechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.testkit.LinkEvents;
import dev.s3notify.testkit.WebhookFormatterContract;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract every s3-notify formatter keeps (limits, escaping, no pings, valid JSON, registration, digests that
 * keep every file reachable), inherited from s3-notify's test-kit, and what is particular to Google Chat.
 */
class GoogleChatFormatterTest extends WebhookFormatterContract {
    private final GoogleChatFormatterProvider provider = new GoogleChatFormatterProvider();

    @Override
    protected GoogleChatFormatterProvider provider() {
        return provider;
    }

    /** The contract runs with a thread key, the larger body. */
    @Override
    protected Map<String, String> settings() {
        return Map.of("GOOGLECHAT_THREAD_KEY", "s3-uploads");
    }

    /** Google Chat's documented limit for a whole message. */
    @Override
    protected int maxBodyBytes() {
        return 32_000;
    }

    @Override
    protected void assertPlatformLimits(JsonNode body) {
        String text = body.path("text").asText();
        assertThat(text).isNotBlank();
        assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(GoogleChatFormatter.TEXT.max());
        assertThat(body.path("thread").path("threadKey").asText()).isEqualTo("s3-uploads");
    }

    @Test
    void postsTheMessageAsTextWithTheLinkInChatsSyntax() {
        WebhookRequest request = format(upload("reports/Q3 report.pdf", "https://example.com/q3?X=1"),
                provider.defaultTemplate());

        assertThat(request.body()).isEqualTo("{\"text\":\"*Q3 report.pdf* was uploaded to *example-uploads*."
                + " <https://example.com/q3?X=1|Download> (the link expires in 24 hours)\","
                + "\"thread\":{\"threadKey\":\"s3-uploads\"}}");
        assertThat(request.query()).containsExactly(Map.entry("messageReplyOption",
                "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD"));
    }

    @Test
    void startsAThreadPerMessageWithoutAThreadKey() {
        WebhookRequest request = new GoogleChatFormatter(null).format(new Notification(LinkEvents.deletion("a.txt").build(), "gone",
                "evt-1"));

        assertThat(request.body()).isEqualTo("{\"text\":\"gone\"}");
        assertThat(request.query()).isEmpty();
    }

    @Test
    void listsADigestsFilesAsChatLinksUnderTheSummary() {
        WebhookRequest request = formatDigest(List.of(upload("uploads/a.pdf", "https://example.com/a?X=1"),
                upload("uploads/b.pdf", "https://example.com/b?X=2")), null, provider.defaultDigestTemplate())
                .orElseThrow();

        assertThat(request.body()).startsWith("{\"text\":\"*2 files uploaded to uploads/ (3.0 MB)*\\n"
                + "• <https://example.com/a?X=1|a.pdf>\\n• <https://example.com/b?X=2|b.pdf>\"");
    }

    @Test
    void declaresGoogleChatsRateOfOneMessageASecond() {
        assertThat(formatter().rateLimit().interval()).hasSeconds(1);
    }

    @Test
    void refusesAThreadKeyItCannotSendNamingTheVariable() {
        assertThatThrownBy(() -> KindSettings.of(provider.variables(),
                Map.of("GOOGLECHAT_THREAD_KEY", "x".repeat(129))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GOOGLECHAT_THREAD_KEY='xxx")
                .hasMessageContaining("at most 128");
    }

    @Test
    void breaksMentionsAndLinksInFileNames() {
        assertThat(formatter().escape("<users/all> <https://evil.example|click> @all"))
                .isEqualTo("<\u200Busers/all> <\u200Bhttps://evil.example|click> @\u200Ball");
    }

    @Test
    void recognizesGoogleChatSpaceWebhooks() {
        assertThat(provider.recognizes(URI.create("https://chat.googleapis.com/v1/spaces/AAA/messages?key=k")))
                .isTrue();
        assertThat(provider.recognizes(URI.create("https://chat.googleapis.com.evil/v1/spaces/AAA"))).isFalse();
        assertThat(provider.recognizes(URI.create("https://hooks.slack.com/services/T/B/x"))).isFalse();
    }

    @Test
    void explainsGooglesErrors() {
        assertThat(formatter().describeError(400, "{\"error\":{\"code\":400,\"message\":\"Message cannot be empty.\","
                + "\"status\":\"INVALID_ARGUMENT\"}}"))
                .isEqualTo("Google Chat: INVALID_ARGUMENT: Message cannot be empty.");
        assertThat(formatter().describeError(502, "<html>Bad gateway</html>\n<p>")).isEqualTo("<html>Bad gateway</html>");
    }

    /** A sample upload (s3-notify's test-kit) with its link set: a test changes only what it is about. */
    private static LinkEvent upload(String key, String link) {
        return LinkEvents.upload(key).fileUrl(link).build();
    }
}
