package dev.s3notify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code s3notify preview}: S3 events and link events, every kind, hostile keys; nothing is sent. */
class PreviewCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of(System.getProperty("repo.root", ".."), "docs", "examples");
    private static final List<String> KINDS = List.of("discord", "slack", "teams", "generic", "googlechat",
            "mattermost", "ntfy", "telegram", "sns");
    /** The settings a kind cannot do without; for sns, its JSON shape (its text shape: below). */
    private static final Map<String, Map<String, String>> REQUIRED = Map.of("ntfy", Map.of("NTFY_TOPIC", "uploads"),
            "telegram", Map.of("TELEGRAM_CHAT_ID", "-1001234567890"), "sns", Map.of("SNS_MESSAGE_SHAPE", "chatbot"));

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static Stream<Arguments> hostileEvents() throws IOException, URISyntaxException {
        Path dir = Path.of(PreviewCommandTest.class.getResource("/fixtures/hostile").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> events = files.sorted().toList();
            return KINDS.stream().flatMap(kind -> events.stream().map(e -> Arguments.of(kind, e)));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hostileEvents")
    void previewsHostileS3EventsAsOneValidBodyWithoutPings(String kind, Path event) throws IOException {
        int exit = run(REQUIRED.getOrDefault(kind, Map.of()), "preview", "--kind", kind, "--event", event.toString());

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode body = JSON.readTree(lines.get(0));
        assertThat(body.isObject()).isTrue();
        if (!List.of("generic", "ntfy", "sns").contains(kind)) { // none has mentions
            assertThat(lines.get(0)).doesNotContain("@everyone").doesNotContain("<!channel>");
        }
    }

    static Stream<Arguments> shippedExamples() throws IOException {
        try (Stream<Path> s3 = Files.list(EXAMPLES); Stream<Path> links = Files.list(EXAMPLES.resolve("link-events"))) {
            List<Path> events = Stream.concat(s3, links).filter(p -> p.toString().endsWith(".json")).sorted().toList();
            return KINDS.stream().flatMap(kind -> events.stream().map(e -> Arguments.of(kind, e.getFileName(), e)));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("shippedExamples")
    void previewsEveryShippedExample(String kind, Path name, Path event) throws IOException {
        int exit = run(REQUIRED.getOrDefault(kind, Map.of()), "preview", "--kind", kind, "--event", event.toString());

        assertThat(exit).as(err.toString()).isZero();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            assertThat(JSON.readTree(line).isObject()).isTrue();
        }
    }

    @Test
    void previewsSnsTextMessagesAsPlainText() throws IOException {
        String event = EXAMPLES.resolve("eventbridge-object-created.json").toString();
        int exit = run(Map.of(), "preview", "--kind", "sns", "--event", event);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("quarterly-report.pdf")
                .contains("X-Amz-Signature=").doesNotStartWith("{");
    }

    @Test
    void previewsALinkEventWithACustomTemplate() throws IOException {
        int exit = run(Map.of(), "preview", "--kind", "slack", "--template", "{{fileName}} is {{sizeText}}",
                "--event", EXAMPLES.resolve("link-events/file-link-generated.json").toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).toString())
                .contains("quarterly-report.pdf is 512.0 KB");
    }

    @Test
    void infersTheKindFromWebhookUrlWithoutSendingAnything() throws IOException {
        int exit = run(Map.of("WEBHOOK_URL", "https://discord.com/api/webhooks/1/token"), "preview", "--event",
                EXAMPLES.resolve("link-events/legacy-dispatcher-test-event.json").toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("allowed_mentions").get("parse"))
                .isEmpty();
    }

    @Test
    void previewsAsDiscordLikeRunWhenNothingNamesAKindAndSaysSo() throws IOException {
        int exit = run(Map.of(), "preview", "--event", EXAMPLES.resolve("eventbridge-object-created.json").toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("s3notify: previewing as discord: neither --kind nor WEBHOOK_KIND")
                .contains("--kind K picks another");
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).has("embeds")).isTrue();
    }

    @Test
    void previewsAsTheKindInferredFromWebhookUrlWithoutSayingDiscord() throws IOException {
        int exit = run(Map.of("WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/x"), "preview", "--event",
                EXAMPLES.resolve("eventbridge-object-created.json").toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("previewing as");
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).has("blocks")).isTrue();
    }

    @Test
    void refusesAPrintfTemplateShowingTheMustacheEquivalent() {
        int exit = run(Map.of(), "preview", "--kind", "discord", "--template", "New file: %s %s", "--event",
                EXAMPLES.resolve("eventbridge-object-created.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("New file: {{fileName}} {{{fileUrl}}}");
    }

    @Test
    void callsAnInvalidCommandLineTemplateByItsOptionAndNamesTheUnclosedTag() {
        int exit = run(Map.of(), "preview", "--kind", "discord", "--template", "x\n{{/hasLink}}", "--event",
                EXAMPLES.resolve("eventbridge-object-created.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--template is not a valid Mustache template: {{/hasLink}} on line 2"
                + " closes a section that is not open").contains("Fix the options and environment variables")
                .doesNotContain("MESSAGE_TEMPLATE").doesNotContain("null");
    }

    @Test
    void sendsTheTemplateAsTheGenericBodyWhenGivenOnTheCommandLine() throws IOException {
        int exit = run(Map.of(), "preview", "--kind", "generic", "--template", "{\"file\": \"{{fileName}}\"}",
                "--event", EXAMPLES.resolve("link-events/file-link-generated.json").toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("{\"file\": \"quarterly-report.pdf\"}");
    }

    @Test
    void refusesAtStartUpATemplateTheFormatterCannotUse() {
        int exit = run(Map.of(), "preview", "--kind", "generic", "--template", "{\"size\": {{size}}}", "--event",
                EXAMPLES.resolve("link-events/file-link-generated.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--template cannot be formatted for a deleted event")
                .contains("not valid JSON");
    }

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
