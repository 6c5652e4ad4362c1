package dev.s3notify.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.EventType;
import dev.s3notify.core.KindSettings;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.MessageTemplate;
import dev.s3notify.core.Notification;
import dev.s3notify.core.TemplateModel;
import dev.s3notify.core.Variable;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promises every {@link WebhookFormatter} keeps, ours and third parties'. Extend it in the formatter's test
 * sources (core's test-jar, scope test) and implement {@link #formatter()}; override the hooks for the platform's
 * own limits. Hostile inputs: a 4,000-character key, a 1,024-byte unicode key, mention tokens, markdown and JSON
 * metacharacters, emoji, an empty template, a 2,000-character link, deleted objects, the old system's event.
 */
public abstract class WebhookFormatterContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Text that pings people on some platform when it reaches a message unescaped. */
    protected static final List<String> MENTION_TOKENS = List.of("@everyone", "@here", "<!channel>", "<!here",
            "<!everyone>", "<@U", "<@W", "<@&", "<at>", "<!subteam");
    /** A file name made of every mention token. */
    protected static final String PINGING_NAME = "@everyone @here <@123456789> <@&42> <!channel> <!here|here>"
            + " <!everyone> <@U024BE7LH> <!subteam^S123> <at>Boss<at>.txt";
    /** A file name made of markdown, mrkdwn, HTML and JSON metacharacters. */
    protected static final String METACHAR_NAME = "**bold** _it_ ~~s~~ `code` ||spoiler|| > quote # h [x](https:evil)"
            + " <https:evil|click> \" \\ \n\t {\"a\":1} <script> & < > %s {{x}}.pdf";

    /** @return the formatter under test */
    protected abstract WebhookFormatter formatter();

    /** @return the values of the formatter's variables to test with; the default sets none */
    protected Map<String, String> settings() {
        return Map.of();
    }

    /** @return the largest body the platform accepts, in bytes */
    protected int maxBodyBytes() {
        return 100_000;
    }

    /** @return whether people read the messages in a chat (mentions matter); false for machine receivers */
    protected boolean isChatPlatform() {
        return true;
    }

    /**
     * Checks the platform's own limits on one formatted body; the default checks nothing more.
     *
     * @param body the parsed JSON body
     */
    protected void assertPlatformLimits(JsonNode body) {
    }

    /** @return a template that uses every name with escaping: the custom template of the contract */
    protected String customTemplate() {
        StringBuilder template = new StringBuilder("{{#hasLink}}Get {{fileName}} at {{fileUrl}}{{/hasLink}}"
                + "{{^hasLink}}{{fileName}} is gone{{/hasLink}}\n");
        TemplateModel.NAMES.forEach(name -> template.append(name).append("={{").append(name).append("}} "));
        return template.toString();
    }

    /** @return a template whose output is far longer than any platform accepts for a 4,000-character key */
    protected String floodingTemplate() {
        return "{{key}} ".repeat(20) + "{{{fileUrl}}}";
    }

    static Stream<Arguments> hostileEvents() {
        String longKey = "deep/" + "k".repeat(3_990) + ".pdf";
        String unicodeKey = "📄".repeat(256);
        String longUrl = "https://example-bucket.s3.us-east-1.amazonaws.com/x?X-Amz-Signature=" + "a".repeat(1_930);
        return Stream.of(
                Arguments.of("4000-character key", created(longKey, url(longKey))),
                Arguments.of("1024-byte unicode key", created(unicodeKey, url(unicodeKey))),
                Arguments.of("mention tokens", created("uploads/" + PINGING_NAME, url("p"))),
                Arguments.of("metacharacters", created("uploads/" + METACHAR_NAME, url("m"))),
                Arguments.of("emoji and invisible characters", created("🎉 ‮gnp.exe​ 👩‍👩‍👧.png", url("e"))),
                Arguments.of("2000-character link", created("a.txt", longUrl)),
                Arguments.of("deleted object", deleted("uploads/" + PINGING_NAME)),
                Arguments.of("old system's event", oldSystemEvent()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileEvents")
    void keepsHostileInputWithinLimitsWithTheDefaultTemplate(String name, LinkEvent event) {
        assertWellFormed(format(event, formatter().defaultTemplate()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileEvents")
    void keepsHostileInputWithinLimitsWithACustomTemplate(String name, LinkEvent event) {
        assertWellFormed(format(event, customTemplate()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileEvents")
    void keepsHostileInputWithinLimitsWithAFloodingTemplate(String name, LinkEvent event) {
        assertWellFormed(format(event, floodingTemplate()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileEvents")
    void keepsHostileInputWithinLimitsWithAnEmptyTemplate(String name, LinkEvent event) {
        assertWellFormed(format(event, ""));
    }

    @Test
    void neverLetsAFileNamePingAnyone() {
        if (!isChatPlatform()) {
            return;
        }
        for (String template : List.of(formatter().defaultTemplate(), customTemplate())) {
            for (LinkEvent event : List.of(created("uploads/" + PINGING_NAME, url("p")), deleted(PINGING_NAME))) {
                List<String> texts = new ArrayList<>();
                collectStrings(parse(format(event, template)), texts);
                for (String text : texts) {
                    for (String token : MENTION_TOKENS) {
                        assertThat(text).as("a string in the body").doesNotContain(token);
                    }
                }
            }
        }
    }

    @Test
    void formatsTheSameInputTheSameWay() {
        LinkEvent event = created("reports/Q3 report.pdf", url("q3"));
        assertThat(format(event, formatter().defaultTemplate()).body())
                .isEqualTo(format(event, formatter().defaultTemplate()).body());
    }

    @Test
    void offersNoLinkForADeletedObject() {
        String body = format(deleted("reports/old.pdf"), formatter().defaultTemplate()).body();
        assertThat(body).doesNotContain("X-Amz-Signature").contains("old.pdf");
    }

    @Test
    void hasAStableLowercaseKind() {
        assertThat(formatter().kind()).matches("[a-z0-9][a-z0-9.-]*");
    }

    @Test
    void isRegisteredForServiceLoader() {
        assertThat(ServiceLoader.load(WebhookFormatter.class).stream().map(ServiceLoader.Provider::type))
                .contains(formatter().getClass().asSubclass(WebhookFormatter.class));
    }

    @Test
    void declaresItsVariablesForTheDispatcher() {
        for (Variable<?> variable : formatter().variables()) {
            assertThat(variable.name()).matches("[A-Z][A-Z0-9_]*");
            assertThat(variable.function()).isEqualTo("webhook-dispatcher");
            assertThat(variable.meaning()).isNotBlank();
        }
    }

    @Test
    void describesErrorsBriefly() {
        assertThat(formatter().describeError(400, "x".repeat(20_000))).isNotNull().hasSizeLessThan(1_000);
        assertThat(formatter().describeError(500, "")).isNotNull();
    }

    /** @return the formatter's settings from {@link #settings()} */
    protected KindSettings formatterSettings() {
        return KindSettings.of(formatter().variables(), settings());
    }

    /**
     * @param event the event
     * @param template the Mustache template
     * @return the request the formatter builds, with the template rendered as the dispatcher does
     */
    protected WebhookRequest format(LinkEvent event, String template) {
        WebhookFormatter formatter = formatter();
        KindSettings settings = formatterSettings();
        String message = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", text -> formatter.escape(text, settings))
                .render(TemplateModel.of(event, "evt-1"));
        return formatter.format(new Notification(event, message, "evt-1"), settings);
    }

    private void assertWellFormed(WebhookRequest request) {
        assertThat(request.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(maxBodyBytes());
        if (request.contentType().startsWith("application/json")) {
            assertPlatformLimits(parse(request));
        }
    }

    /**
     * @param request a JSON request
     * @return its parsed body
     */
    protected static JsonNode parse(WebhookRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new AssertionError("the body is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void collectStrings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collectStrings(child, out));
        node.fieldNames().forEachRemaining(out::add);
    }

    /**
     * @param key an object key
     * @param url its link
     * @return a created-object event as the link generator publishes it
     */
    protected static LinkEvent created(String key, String url) {
        Instant now = Instant.parse("2026-11-21T17:16:21Z");
        return new LinkEvent(LinkEvent.SCHEMA_VERSION, key.substring(key.lastIndexOf('/') + 1), url, "example-uploads",
                "24 hours", now, key, 1_572_864L, "b1946ac92492d2347c6235b4d2611184", null, EventType.CREATED,
                now.minusSeconds(1), now.plusSeconds(86_400), "us-east-1", "17793124-05d4-b198-2fde-7ededc63b103",
                "application/pdf");
    }

    /**
     * @param key an object key
     * @return a deleted-object event
     */
    protected static LinkEvent deleted(String key) {
        Instant now = Instant.parse("2026-11-21T17:16:21Z");
        return new LinkEvent(LinkEvent.SCHEMA_VERSION, key.substring(key.lastIndexOf('/') + 1), null,
                "example-uploads", null, now, key, null, null, null, EventType.DELETED, now, null, "us-east-1",
                "0f1e2d3c", null);
    }

    /** @return the old system's minimal event: five fields, a Python timestamp without offset */
    protected static LinkEvent oldSystemEvent() {
        return new LinkEvent(null, "test-file.pdf", "https://your-bucket-name.s3.amazonaws.com/test-file.pdf?X=1",
                "your-bucket-name", "24 hours", Instant.parse("2024-01-01T12:00:00Z"), "test-file.pdf", null, null,
                null, EventType.CREATED, null, null, null, null, null);
    }

    /**
     * @param seed what makes the link distinct
     * @return a realistic presigned URL
     */
    protected static String url(String seed) {
        return "https://example-uploads.s3.us-east-1.amazonaws.com/" + Math.abs(seed.hashCode())
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400&X-Amz-Signature=" + "0".repeat(64);
    }
}
