package dev.s3notify.testkit;

import static dev.s3notify.testkit.HostileInput.METACHAR_NAME;
import static dev.s3notify.testkit.HostileInput.PINGING_NAME;
import static dev.s3notify.testkit.HostileInput.created;
import static dev.s3notify.testkit.HostileInput.deleted;
import static dev.s3notify.testkit.HostileInput.oldSystemEvent;
import static dev.s3notify.testkit.HostileInput.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.RateLimit;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.decoding.LinkEventJson;
import dev.s3notify.core.dispatch.MessageFit;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.templates.MessageTemplate;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.core.testing.HostileArbitraries;
import dev.s3notify.core.text.TextUnit;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.MessageLimits;
import dev.s3notify.spi.SpiVersion;
import dev.s3notify.spi.Variable;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promises every formatter keeps, ours and third parties': the one class of the test-kit to extend for the
 * formatter SPI (the {@code s3-notify-test-kit} artifact, scope test). Implement {@link #provider()}; override the
 * hooks for the platform's own limits. The checks are grouped as Micrometer's compatibility kit groups them:
 * {@link Provider the provider}, {@link Messages single messages} with hostile input ({@link HostileInput}),
 * {@link Digests digests}, {@link Limits the declared limits}, and a jqwik property over any link event and any
 * template, with statistics that fail a formatter which refuses most inputs.
 */
public abstract class WebhookFormatterContract {
    private static final Link INDEX = new Link(HostileInput.longUrl("index.html", 2_000),
            Instant.parse("2026-11-22T17:16:21Z"));
    private static final List<String> ERROR_BODIES = List.of("x".repeat(20_000),
            "{\"error\":\"" + "e".repeat(5_000) + "\",\"message\":\"" + "m".repeat(5_000) + "\"}",
            "{\"code\":50035,\"message\":\"" + "📄".repeat(3_000) + "\"}",
            "{\"error\":{\"code\":\"" + "c".repeat(3_000) + "\",\"message\":\"" + "m".repeat(3_000) + "\"}}",
            "invalid_payload", "", "line one\n" + "two".repeat(3_000));

    /** @return the provider under test */
    protected abstract WebhookFormatterProvider provider();

    /** @return the values of the formatter's variables to test with; the default sets none */
    protected Map<String, String> settings() {
        return Map.of();
    }

    /** @return the largest body the platform accepts, in bytes */
    protected int maxBodyBytes() {
        return 100_000;
    }

    /** @return whether people read the messages in a chat (mentions and the sending rate matter) */
    protected boolean isChatPlatform() {
        return true;
    }

    /**
     * Checks the platform's own limits on one formatted single-file body; the default checks nothing more.
     *
     * @param body the parsed JSON body
     */
    protected void assertPlatformLimits(JsonNode body) {
    }

    /**
     * Checks the platform's own limits on one formatted digest body; the default is {@link #assertPlatformLimits}.
     *
     * @param body the parsed JSON body
     */
    protected void assertDigestLimits(JsonNode body) {
        assertPlatformLimits(body);
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

    /** @return a digest template that uses every name, escaped, and links each file and the index */
    protected String customDigestTemplate() {
        return "{{summary}} {{count}} {{uploaded}} {{deleted}} {{restored}}"
                + " {{prefix}} {{totalSize}} {{totalBytes}} {{bucket}} {{buckets}} {{listed}} {{digestId}}\n"
                + "{{#files}}- {{fileName}} {{key}} {{bucket}} {{size}} {{sizeText}} {{eventType}} {{eventId}}"
                + " {{expirationTime}}{{#created}}+{{/created}}{{#deleted}}-{{/deleted}}{{#restored}}~{{/restored}}"
                + "{{#hasLink}} {{{fileUrl}}}{{/hasLink}}\n{{/files}}"
                + "{{#hasMore}}and {{more}} more{{/hasMore}}{{#hasIndex}} {{{indexUrl}}}{{/hasIndex}}";
    }

    /** @return the formatter the provider creates with {@link #settings()} */
    protected WebhookFormatter formatter() {
        return provider().create(FormatterContext.of(KindSettings.of(provider().variables(), settings())));
    }

    /**
     * @param event the event
     * @param template the Mustache template
     * @return the request the dispatcher sends for it: the template rendered and the message fitted to the
     *     formatter's {@code limits()} by core
     */
    protected WebhookRequest format(LinkEvent event, String template) {
        WebhookFormatter formatter = formatter();
        String message = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", formatter::escape)
                .render(TemplateModel.of(event, "evt-1"));
        return MessageFit.request(provider().kind(), formatter, new Notification(event, message, "evt-1"));
    }

    /**
     * @param files the digest's files
     * @param index its index link, or null
     * @param template the digest template
     * @return what the formatter makes of the digest, rendered as the dispatcher renders it
     */
    protected Optional<WebhookRequest> formatDigest(List<LinkEvent> files, Link index, String template) {
        WebhookFormatter formatter = formatter();
        return formatter.formatDigest(dev.s3notify.testkit.Digests.of(formatter, template, files, index));
    }

    /** @param request a request whose strings must not ping anyone */
    protected static void assertNoMentions(WebhookRequest request) {
        Payloads.assertNoMentions(request);
    }

    /**
     * @param request a JSON request
     * @return its parsed body
     */
    protected static JsonNode parse(WebhookRequest request) {
        return Payloads.parse(request);
    }

    /**
     * @param node a JSON value
     * @return every string in it, field names included
     */
    protected static List<String> strings(JsonNode node) {
        return Payloads.strings(node);
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

    private void assertWellFormed(WebhookRequest request) {
        assertThat(TextUnit.UTF8_BYTES.length(request.body())).isLessThanOrEqualTo(maxBodyBytes());
        if (request.contentType().startsWith("application/json")) {
            assertPlatformLimits(parse(request));
        }
    }

    private void assertDigestWellFormed(WebhookRequest request) {
        assertThat(TextUnit.UTF8_BYTES.length(request.body())).isLessThanOrEqualTo(maxBodyBytes());
        if (request.contentType().startsWith("application/json")) {
            assertDigestLimits(parse(request));
        }
    }

    /** What the provider declares. */
    @Nested
    class Provider {
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
        void needsNoNewerPluginInterfacesThanThisCore() {
            assertThat(provider().apiVersion()).isBetween(1, SpiVersion.CURRENT);
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
        void declaresTheChatPlatformsDocumentedRate() {
            assumeTrue(isChatPlatform(), "not a chat platform: its receiver may document no rate");
            RateLimit rate = formatter().rateLimit();

            assertThat(rate).isNotNull().isNotEqualTo(RateLimit.UNKNOWN);
            assertThat(rate.requests()).isPositive();
            assertThat(rate.per()).isPositive();
        }

        @Test
        void declaresARateEvenWhenItIsUnknown() {
            assertThat(formatter().rateLimit()).isNotNull();
        }
    }

    /** Single messages, for hostile input with every kind of template. */
    @Nested
    class Messages {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.s3notify.testkit.WebhookFormatterContract#hostileEvents")
        void keepsHostileInputWithinLimitsWithTheDefaultTemplate(String name, LinkEvent event) {
            assertWellFormed(format(event, provider().defaultTemplate()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.s3notify.testkit.WebhookFormatterContract#hostileEvents")
        void keepsHostileInputWithinLimitsWithACustomTemplate(String name, LinkEvent event) {
            assertWellFormed(format(event, customTemplate()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.s3notify.testkit.WebhookFormatterContract#hostileEvents")
        void keepsHostileInputWithinLimitsWithAFloodingTemplate(String name, LinkEvent event) {
            assertWellFormed(format(event, floodingTemplate()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.s3notify.testkit.WebhookFormatterContract#hostileEvents")
        void keepsHostileInputWithinLimitsWithAnEmptyTemplate(String name, LinkEvent event) {
            assertWellFormed(format(event, ""));
        }

        @Test
        void neverLetsAFileNamePingAnyone() {
            assumeTrue(isChatPlatform(), "not a chat platform: no one is pinged");
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
    }

    /** Digests: one message for several files, every file reachable from it. */
    @Nested
    class Digests {
        @Test
        void formatsADigestOfAFewFilesWithEveryLink() {
            List<LinkEvent> files = List.of(created("uploads/2026-11/a.pdf", url("a")),
                    created("uploads/2026-11/b.pdf", url("b")), deleted("uploads/2026-11/c.pdf"));
            for (String template : List.of(provider().defaultDigestTemplate(), customDigestTemplate())) {
                Optional<WebhookRequest> request = formatDigest(files, null, template);

                assertThat(request).as("a digest of three short links").isPresent();
                assertDigestWellFormed(request.get());
                assertThat(String.join("\n", Payloads.texts(request.get()))).contains("a.pdf", "b.pdf", "c.pdf");
                Payloads.assertEveryFileReachable(request.get(), files, null);
            }
        }

        @Test
        void keepsEveryFileOfAHostileDigestReachableThroughTheIndexLink() {
            List<LinkEvent> files = HostileInput.files(500, 2_000);
            for (String template : List.of(provider().defaultDigestTemplate(), customDigestTemplate())) {
                Optional<WebhookRequest> request = formatDigest(files, INDEX, template);

                assertThat(request).as("a digest with an index link is always formatted").isPresent();
                assertDigestWellFormed(request.get());
                Payloads.assertEveryFileReachable(request.get(), files, INDEX);
            }
        }

        @Test
        void formatsAHostileDigestWithoutAnIndexOnlyWhenEveryLinkFits() {
            for (int count : new int[] {2, 12, 500}) {
                List<LinkEvent> files = HostileInput.files(count, 2_000);
                Optional<WebhookRequest> request = formatDigest(files, null, provider().defaultDigestTemplate());

                if (request.isPresent()) {
                    assertDigestWellFormed(request.get());
                    Payloads.assertEveryFileReachable(request.get(), files, null);
                }
            }
        }

        @Test
        void neverLetsAFileNamePingAnyoneInADigest() {
            assumeTrue(isChatPlatform(), "not a chat platform: no one is pinged");
            List<LinkEvent> files = HostileInput.files(40, 200);
            for (String template : List.of(provider().defaultDigestTemplate(), customDigestTemplate())) {
                formatDigest(files, INDEX, template).ifPresent(Payloads::assertNoMentions);
            }
        }

        @Test
        void formatsADigestOfDeletionsWithoutAnyLink() {
            List<LinkEvent> files = List.of(deleted("old/a.pdf"), deleted("old/b.pdf"));

            Optional<WebhookRequest> request = formatDigest(files, null, provider().defaultDigestTemplate());

            assertThat(request).isPresent();
            assertDigestWellFormed(request.get());
            assertThat(request.get().body()).doesNotContain("X-Amz-Signature").contains("a.pdf");
        }
    }

    /** The limits the formatter declares in {@link WebhookFormatter#limits()}, which core fits messages to. */
    @Nested
    class Limits {
        @Test
        void keepsWhatTheDispatcherSendsWithinTheDeclaredBodyLimit() {
            int max = formatter().limits().bodyBytes();
            for (LinkEvent event : List.of(created(HostileInput.LONG_KEY, url("k")), created("📄".repeat(256),
                    url("u")), created("uploads/" + METACHAR_NAME, HostileInput.longUrl("long", 2_000)),
                    deleted("uploads/" + PINGING_NAME), oldSystemEvent())) {
                for (String template : List.of(provider().defaultTemplate(), "{{key}} ".repeat(60)
                        + "{{{fileUrl}}}")) {
                    assertThat(TextUnit.UTF8_BYTES.length(format(event, template).body())).as(event.key())
                            .isLessThanOrEqualTo(max);
                }
            }
        }

        @Test
        void describesErrorsWithinTheDeclaredErrorLimit() {
            WebhookFormatter formatter = formatter();
            for (int status : new int[] {400, 401, 404, 413, 429, 500}) {
                for (String body : ERROR_BODIES) {
                    String described = formatter.describeError(status, body);
                    assertThat(described).as(status + ": an explanation").isNotNull();
                    assertThat(formatter.limits().error().fits(described)).as(status + ": " + described).isTrue();
                }
            }
        }

        @Test
        void declaresTheSameLimitsEveryTime() {
            WebhookFormatter formatter = formatter();
            MessageLimits limits = formatter.limits();

            assertThat(formatter.limits().toString()).isEqualTo(limits.toString());
            assertThat(limits.bodyBytes()).isPositive();
            assertThat(limits.message().max()).isPositive();
        }
    }

    /**
     * Any {@code file-link-generated} detail, read as the dispatcher reads it, and any template of valid pieces give
     * a payload within the platform's size, valid JSON when its type says so, that pings nobody on a chat platform;
     * or a clear error. A formatter that refuses more than a fifth of the events the decoder reads fails, so one that
     * throws a clear error for every input cannot pass.
     *
     * @param detail a detail, most of them valid, some hostile
     * @param template a template made of valid pieces
     */
    @Property(tries = 250)
    void anyDetailGivesABoundedValidEscapedPayloadOrAClearError(@ForAll("details") JsonNode detail,
            @ForAll("templates") String template) {
        Statistics.label("formatter").coverage(coverage -> coverage.check("formatted").percentage(p -> p >= 80));
        LinkEvent event;
        try {
            event = LinkEventJson.fromJson(detail);
        } catch (S3NotifyException e) {
            HostileArbitraries.assertClear(e);
            Statistics.label("decoder").collect("refused");
            return;
        }
        WebhookRequest request;
        try {
            request = format(event, template);
        } catch (S3NotifyException e) {
            HostileArbitraries.assertClear(e);
            Statistics.label("decoder").collect("read");
            Statistics.label("formatter").collect("refused");
            return;
        }
        Statistics.label("decoder").collect("read");
        Statistics.label("formatter").collect("formatted");
        assertThat(TextUnit.UTF8_BYTES.length(request.body())).isLessThanOrEqualTo(maxBodyBytes());
        if (request.contentType().startsWith("application/json")) {
            JsonNode body = parse(request);
            if (isChatPlatform()) {
                for (String token : HostileInput.MENTION_TOKENS) {
                    assertThat(body.toString()).as("a mention in the body").doesNotContain(token);
                }
            }
        }
    }

    @Provide
    Arbitrary<JsonNode> details() {
        return HostileArbitraries.linkEventDetails();
    }

    @Provide
    Arbitrary<String> templates() {
        return HostileArbitraries.templates(provider().defaultTemplate());
    }
}
