package dev.s3notify.core.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.s3notify.core.Digest;
import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.Notification;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.testing.TestFormatters;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code DIGEST_TEMPLATE} is checked at start-up like {@code MESSAGE_TEMPLATE}, with sample digests. */
class StartupDigestsTest {
    private static final Instant AT = Instant.parse("2026-11-21T17:16:21Z");

    @TempDir
    Path classPathEntry;
    private ClassLoader formatters;

    @BeforeEach
    void load() {
        formatters = TestFormatters.loader(classPathEntry, TestFormatters.Chat.class, TestFormatters.Generic.class);
    }

    @Test
    void formatsDigestsWithTheFormattersDefaultDigestTemplate() {
        Destination destination = preview(Map.of()).destinations().get(0);

        WebhookRequest request = destination.request(destination.digest(uploads(3))).orElseThrow();

        assertThat(request.body()).contains("3 files uploaded to uploads/ (3.0 KB)", "https://h/uploads/f-0.pdf",
                "https://h/uploads/f-2.pdf");
    }

    @Test
    void formatsDigestsWithACustomDigestTemplate() {
        Destination destination = preview(Map.of("DIGEST_TEMPLATE", "{{count}} new:{{#files}} {{{fileUrl}}}{{/files}}"
                + "{{#hasIndex}} all: {{{indexUrl}}}{{/hasIndex}}")).destinations().get(0);

        WebhookRequest request = destination.request(destination.digest(uploads(2))).orElseThrow();

        assertThat(request.body()).contains("2 new: https://h/uploads/f-0.pdf https://h/uploads/f-1.pdf");
    }

    @Test
    void linksTheIndexPageWhenGivenOne() {
        Destination destination = preview(Map.of()).destinations().get(0);
        Link index = new Link("https://h/index/all.html?X-Amz-Signature=1", AT);

        Digest digest = destination.digest(uploads(2), index);

        assertThat(digest.indexLink()).contains(index);
        assertThat(destination.request(digest).orElseThrow().body()).contains(index.url());
        assertThat(destination.digest(uploads(2), null).indexLink()).isEmpty();
    }

    @Test
    void refusesADigestTemplateThatLeavesFilesWithoutTheirLinks() {
        ConfigurationException e = createFails(Map.of("DIGEST_TEMPLATE", "{{summary}}"));

        assertThat(e).hasMessageContaining("DIGEST_TEMPLATE leaves a file of a sample digest without its link")
                .hasMessageContaining("{{{fileUrl}}} inside {{#files}}");
    }

    @Test
    void refusesADigestTemplateTooLongToCarryAFewLinks() {
        ConfigurationException e = createFails(Map.of("DIGEST_TEMPLATE", "x".repeat(2_500)
                + "{{#files}}{{{fileUrl}}}{{/files}}{{{indexUrl}}}"));

        assertThat(e).hasMessageContaining("DIGEST_TEMPLATE leaves no room for the links of a digest of three files");
    }

    @Test
    void reportsADigestTemplateNamingUnknownValuesWithTheOtherProblems() {
        ConfigurationException e = createFails(Map.of("DIGEST_TEMPLATE", "{{#files}}{{fileUrll}}{{/files}}",
                "MAX_ATTEMPTS", "0"));

        assertThat(e.problems()).hasSize(2).anySatisfy(p -> assertThat(p)
                .startsWith("DIGEST_TEMPLATE uses [{{fileUrll}}], which no event has"));
    }

    private DispatchPipeline preview(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("WEBHOOK_KIND", "chat");
        return DispatchFunction.create(all, new DispatchFunction.Overrides(true, null, null, null, formatters, null));
    }

    private ConfigurationException createFails(Map<String, String> env) {
        return catchThrowableOfType(() -> preview(env), ConfigurationException.class);
    }

    private static List<Notification> uploads(int count) {
        List<Notification> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "uploads/f-" + i + ".pdf";
            LinkEvent event = LinkEvent.builder().fileName("f-" + i + ".pdf").fileUrl("https://h/" + key).bucket("b")
                    .expirationTime("24 hours").timestamp(AT).key(key).size(1_024L).eventType(EventType.CREATED)
                    .eventTime(AT).region("us-east-1").build();
            files.add(new Notification(event, "", "e" + i));
        }
        return files;
    }
}
