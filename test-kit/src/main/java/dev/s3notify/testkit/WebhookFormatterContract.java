package dev.s3notify.testkit;

import static dev.s3notify.testkit.HostileInput.METACHAR_NAME;
import static dev.s3notify.testkit.HostileInput.PINGING_NAME;
import static dev.s3notify.testkit.HostileInput.created;
import static dev.s3notify.testkit.HostileInput.deleted;
import static dev.s3notify.testkit.HostileInput.oldSystemEvent;
import static dev.s3notify.testkit.HostileInput.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.dispatch.MessageFit;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.Notification;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.spi.Variable;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promises every formatter keeps, ours and third parties'. Extend it in the formatter's test sources (the
 * {@code s3-notify-test-kit} artifact, scope test) and implement {@link #provider()}; override the hooks for the
 * platform's own limits. Single messages are tested here with hostile input ({@link HostileInput}); digests in
 * {@link DigestContract}, which this class extends.
 */
public abstract class WebhookFormatterContract extends DigestContract {
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
        String unicodeKey = "📄".repeat(256);
        String longUrl = "https://example-bucket.s3.us-east-1.amazonaws.com/x?X-Amz-Signature=" + "a".repeat(1_930);
        return Stream.of(
                Arguments.of("4000-character key", created(HostileInput.LONG_KEY, url(HostileInput.LONG_KEY))),
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
        assertWellFormed(format(event, provider().defaultTemplate()));
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
        for (String template : List.of(provider().defaultTemplate(), customTemplate())) {
            for (LinkEvent event : List.of(created("uploads/" + PINGING_NAME, url("p")), deleted(PINGING_NAME))) {
                assertNoMentions(format(event, template));
            }
        }
    }

    @Test
    void formatsTheSameInputTheSameWay() {
        LinkEvent event = created("reports/Q3 report.pdf", url("q3"));
        assertThat(format(event, provider().defaultTemplate()).body())
                .isEqualTo(format(event, provider().defaultTemplate()).body());
    }

    @Test
    void offersNoLinkForADeletedObject() {
        String body = format(deleted("reports/old.pdf"), provider().defaultTemplate()).body();
        assertThat(body).doesNotContain("X-Amz-Signature").contains("old.pdf");
    }

    @Test
    void hasAStableLowercaseKind() {
        assertThat(provider().kind()).matches("[a-z0-9][a-z0-9.-]*");
    }

    @Test
    void isRegisteredForServiceLoader() {
        assertThat(ServiceLoader.load(WebhookFormatterProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(provider().getClass().asSubclass(WebhookFormatterProvider.class));
    }

    @Test
    void declaresItsVariablesForTheDispatcher() {
        for (Variable<?> variable : provider().variables()) {
            assertThat(variable.name()).matches("[A-Z][A-Z0-9_]*");
            assertThat(variable.function()).isEqualTo("webhook-dispatcher");
            assertThat(variable.meaning()).isNotBlank();
        }
    }

    @Test
    void declaresThePlatformsRateLimit() {
        assertThat(formatter().rateLimit()).isNotNull();
    }

    @Test
    void describesErrorsBriefly() {
        assertThat(formatter().describeError(400, "x".repeat(20_000))).isNotNull().hasSizeLessThan(1_000);
        assertThat(formatter().describeError(500, "")).isNotNull();
    }

    /**
     * @param event the event
     * @param template the Mustache template
     * @return the request the formatter builds, with the template rendered and fitted to the formatter's declared
     *     limits as the dispatcher does
     */
    protected WebhookRequest format(LinkEvent event, String template) {
        WebhookFormatter formatter = formatter();
        String message = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", formatter::escape)
                .render(TemplateModel.of(event, "evt-1"));
        return MessageFit.request(provider().kind(), formatter, new Notification(event, message, "evt-1"));
    }

    private void assertWellFormed(WebhookRequest request) {
        assertThat(request.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(maxBodyBytes());
        if (request.contentType().startsWith("application/json")) {
            assertPlatformLimits(parse(request));
        }
    }
}
