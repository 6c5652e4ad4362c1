package dev.s3notify.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The promises every formatter keeps for digests, and the hooks a formatter's test overrides. Extend
 * {@link WebhookFormatterContract}, which holds these and the single-message promises. A digest of hostile files
 * (500 of them, names that ping or are made of markup, keys of 4,000 characters, links of 2,000) stays within the
 * platform's limits, pings no one, and keeps every file reachable: each file's own link is in the message, or the
 * index link is; without an index link a formatter that cannot carry every link formats nothing.
 */
public abstract class DigestContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Link INDEX = new Link(HostileInput.longUrl("index.html", 2_000),
            Instant.parse("2026-11-22T17:16:21Z"));

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

    /** @return whether people read the messages in a chat (mentions matter); false for machine receivers */
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
     * Checks the platform's own limits on one formatted digest body; the default is
     * {@link #assertPlatformLimits}.
     *
     * @param body the parsed JSON body
     */
    protected void assertDigestLimits(JsonNode body) {
        assertPlatformLimits(body);
    }

    /** @return a digest template that uses every name, escaped, and links each file and the index */
    protected String customDigestTemplate() {
        StringBuilder template = new StringBuilder("{{summary}} {{count}} {{uploaded}} {{deleted}} {{restored}}"
                + " {{prefix}} {{totalSize}} {{totalBytes}} {{bucket}} {{buckets}} {{listed}} {{digestId}}\n"
                + "{{#files}}- {{fileName}} {{key}} {{bucket}} {{size}} {{sizeText}} {{eventType}} {{eventId}}"
                + " {{expirationTime}}{{#created}}+{{/created}}{{#deleted}}-{{/deleted}}{{#restored}}~{{/restored}}"
                + "{{#hasLink}} {{{fileUrl}}}{{/hasLink}}\n{{/files}}"
                + "{{#hasMore}}and {{more}} more{{/hasMore}}{{#hasIndex}} {{{indexUrl}}}{{/hasIndex}}");
        return template.toString();
    }

    /** @return the formatter the provider creates with {@link #settings()} */
    protected WebhookFormatter formatter() {
        return provider().create(FormatterContext.of(KindSettings.of(provider().variables(), settings())));
    }

    @Test
    void formatsADigestOfAFewFilesWithEveryLink() {
        List<LinkEvent> files = List.of(HostileInput.created("uploads/2026-11/a.pdf", HostileInput.url("a")),
                HostileInput.created("uploads/2026-11/b.pdf", HostileInput.url("b")),
                HostileInput.deleted("uploads/2026-11/c.pdf"));
        for (String template : List.of(provider().defaultDigestTemplate(), customDigestTemplate())) {
            Optional<WebhookRequest> request = formatDigest(files, null, template);

            assertThat(request).as("a digest of three short links").isPresent();
            assertWithinLimits(request.get());
            assertThat(String.join("\n", strings(parse(request.get())))).contains("a.pdf", "b.pdf", "c.pdf");
            assertEveryFileReachable(request.get(), files, null);
        }
    }

    @Test
    void keepsEveryFileOfAHostileDigestReachableThroughTheIndexLink() {
        List<LinkEvent> files = HostileInput.files(500, 2_000);
        for (String template : List.of(provider().defaultDigestTemplate(), customDigestTemplate())) {
            Optional<WebhookRequest> request = formatDigest(files, INDEX, template);

            assertThat(request).as("a digest with an index link is always formatted").isPresent();
            assertWithinLimits(request.get());
            assertEveryFileReachable(request.get(), files, INDEX);
        }
    }

    @Test
    void formatsAHostileDigestWithoutAnIndexOnlyWhenEveryLinkFits() {
        for (int count : new int[] {2, 12, 500}) {
            List<LinkEvent> files = HostileInput.files(count, 2_000);
            Optional<WebhookRequest> request = formatDigest(files, null, provider().defaultDigestTemplate());

            if (request.isPresent()) {
                assertWithinLimits(request.get());
                assertEveryFileReachable(request.get(), files, null);
            }
        }
    }

    @Test
    void neverLetsAFileNamePingAnyoneInADigest() {
        if (!isChatPlatform()) {
            return;
        }
        List<LinkEvent> files = HostileInput.files(40, 200);
        for (String template : List.of(provider().defaultDigestTemplate(), customDigestTemplate())) {
            formatDigest(files, INDEX, template).ifPresent(WebhookFormatterContract::assertNoMentions);
        }
    }

    @Test
    void formatsADigestOfDeletionsWithoutAnyLink() {
        List<LinkEvent> files = List.of(HostileInput.deleted("old/a.pdf"), HostileInput.deleted("old/b.pdf"));

        Optional<WebhookRequest> request = formatDigest(files, null, provider().defaultDigestTemplate());

        assertThat(request).isPresent();
        assertWithinLimits(request.get());
        assertThat(request.get().body()).doesNotContain("X-Amz-Signature").contains("a.pdf");
    }

    /**
     * @param files the digest's files
     * @param index its index link, or null
     * @param template the digest template
     * @return what the formatter makes of the digest, rendered as the dispatcher renders it
     */
    protected Optional<WebhookRequest> formatDigest(List<LinkEvent> files, Link index, String template) {
        WebhookFormatter formatter = formatter();
        return formatter.formatDigest(Digests.of(formatter, template, files, index));
    }

    private void assertWithinLimits(WebhookRequest request) {
        assertThat(request.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(maxBodyBytes());
        if (request.contentType().startsWith("application/json")) {
            assertDigestLimits(parse(request));
        }
    }

    /** Each linked file's link is in one of the body's strings, or the index link is. */
    private static void assertEveryFileReachable(WebhookRequest request, List<LinkEvent> files, Link index) {
        String all = String.join("\n", strings(parse(request)));
        if (index != null && all.contains(index.url())) {
            return;
        }
        for (LinkEvent file : files) {
            if (file.fileUrl() != null) {
                assertThat(all.contains(file.fileUrl())).as("the link of " + file.key().substring(0,
                        Math.min(60, file.key().length())) + " (or the index link) is in the message").isTrue();
            }
        }
    }

    /**
     * @param request a request whose strings must not ping anyone
     */
    protected static void assertNoMentions(WebhookRequest request) {
        for (String text : strings(parse(request))) {
            for (String token : HostileInput.MENTION_TOKENS) {
                assertThat(text).as("a string in the body").doesNotContain(token);
            }
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

    /**
     * @param node a JSON value
     * @return every string in it, field names included
     */
    protected static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        collectStrings(node, out);
        return out;
    }

    private static void collectStrings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collectStrings(child, out));
        node.fieldNames().forEachRemaining(out::add);
    }
}
