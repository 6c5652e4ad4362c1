package dev.s3notify.core.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.EventType;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.testing.TestEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTemplateTest {
    private static final UnaryOperator<String> AS_IS = text -> text;
    private static final UnaryOperator<String> MARKED = text -> "«" + text + "»";

    @Test
    void rendersEveryName() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("fileName", "Q1_summary.pdf");
        expected.put("key", "reports/Q1_summary.pdf");
        expected.put("fileUrl", TestEvents.LINK);
        expected.put("bucket", "uploads");
        expected.put("size", "1536");
        expected.put("sizeText", "1.5 KB");
        expected.put("expirationTime", "24 hours");
        expected.put("expiresAt", "2024-05-02T12:34:57.123Z");
        expected.put("expiresAtEpoch", "1714653297");
        expected.put("eventType", "created");
        expected.put("eventTime", "2024-05-01T12:34:56Z");
        expected.put("timestamp", "2024-05-01T12:34:57.123Z");
        expected.put("etag", "b1946ac92492d2347c6235b4d2611184");
        expected.put("versionId", "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e");
        expected.put("region", "eu-west-1");
        expected.put("sourceEventId", "17793124-05d4-b198-2fde-7ededc63b103");
        expected.put("contentType", "application/pdf");
        expected.put("eventId", "evt-42");
        expected.put("hasLink", "true");
        expected.put("created", "true");
        expected.put("deleted", "false");
        expected.put("restored", "false");
        expected.put("restoreStarted", "false");
        expected.put("restoreExpired", "false");
        expected.put("other", "false");
        assertThat(expected.keySet()).as("a test value for every documented name")
                .containsExactlyInAnyOrderElementsOf(TemplateModel.NAMES);
        TemplateModel model = TemplateModel.of(TestEvents.created(), "evt-42");

        expected.forEach((name, value) -> assertThat(
                MessageTemplate.compile("[{{{" + name + "}}}]", "MESSAGE_TEMPLATE", AS_IS).render(model))
                .as(name).isEqualTo("[" + value + "]"));
    }

    @Test
    void escapesDoubleBracesWithThePlatformsEscaperOnly() {
        MessageTemplate template = MessageTemplate.compile("{{fileName}} | {{{fileName}}} | {{&fileName}}",
                "MESSAGE_TEMPLATE", MARKED);

        assertThat(template.render(model(TestEvents.created())))
                .isEqualTo("«Q1_summary.pdf» | Q1_summary.pdf | Q1_summary.pdf");
    }

    @Test
    void doesNotEscapeForHtml() {
        LinkEvent event = LinkEvent.builder().schemaVersion(null).fileName("a&b <c> \"d\".txt").bucket("b")
                .eventType(EventType.CREATED).build();

        assertThat(MessageTemplate.compile("{{fileName}}", "MESSAGE_TEMPLATE", AS_IS).render(model(event)))
                .isEqualTo("a&b <c> \"d\".txt");
    }

    @Test
    void rendersTheSectionThatMatchesWhetherThereIsALink() {
        MessageTemplate template = MessageTemplate.compile("{{#hasLink}}Get {{fileName}}: {{{fileUrl}}}{{/hasLink}}"
                + "{{^hasLink}}{{fileName}} was removed{{/hasLink}}", "MESSAGE_TEMPLATE", AS_IS);

        assertThat(template.render(model(TestEvents.created()))).isEqualTo("Get Q1_summary.pdf: " + TestEvents.LINK);
        assertThat(template.render(model(TestEvents.deleted()))).isEqualTo("Q1_summary.pdf was removed");
    }

    @Test
    void rendersAbsentValuesAsNothing() {
        MessageTemplate template = MessageTemplate.compile("[{{size}}][{{etag}}]{{#size}}sized{{/size}}"
                + "{{^contentType}}untyped{{/contentType}}", "MESSAGE_TEMPLATE", AS_IS);

        assertThat(template.render(model(TestEvents.oldSystem()))).isEqualTo("[][]untyped");
    }

    @Test
    void refusesThePrintfStyleShowingTheMustacheEquivalent() {
        assertThatThrownBy(() -> MessageTemplate.compile("New file: %s - download: %s (expires in %s)",
                "MESSAGE_TEMPLATE", AS_IS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MESSAGE_TEMPLATE uses the printf style ('%s')")
                .hasMessageContaining("'New file: {{fileName}} - download: {{{fileUrl}}} (expires in {{expirationTime}})'");
    }

    @Test
    void takesAPercentEncodedLinkForTextNotPrintf() {
        String link = "https://console.example.com/s3/buckets/b?prefix=reports%2f2024%2d01%3d";

        MessageTemplate template = MessageTemplate.compile("{{fileName}} in " + link, "MESSAGE_TEMPLATE", AS_IS);

        assertThat(template.render(model(TestEvents.created()))).isEqualTo("Q1_summary.pdf in " + link);
    }

    @Test
    void listsTheKnownNamesForAnUnknownName() {
        assertThatThrownBy(() -> MessageTemplate.compile("New {{filename}} {{#link}}x{{/link}}", "MESSAGE_TEMPLATE",
                AS_IS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MESSAGE_TEMPLATE uses [{{filename}}, {{link}}], which no event has")
                .hasMessageContaining(TemplateModel.NAMES.toString());
    }

    @Test
    void allowsComments() {
        MessageTemplate template = MessageTemplate.compile("{{! shown in #uploads }}{{fileName}}", "MESSAGE_TEMPLATE",
                AS_IS);

        assertThat(template.render(model(TestEvents.created()))).isEqualTo("Q1_summary.pdf");
    }

    @Test
    void refusesAnUnclosedSection() {
        assertThatThrownBy(() -> MessageTemplate.compile("{{#hasLink}}Get {{fileUrl}}", "MESSAGE_TEMPLATE", AS_IS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MESSAGE_TEMPLATE is not a valid Mustache template")
                .hasMessageContaining("hasLink");
    }

    @Test
    void refusesPartialsWithoutReadingFiles(@TempDir Path dir) throws Exception {
        Path partial = Files.writeString(dir.resolve("leak.mustache"), "LEAKED {{fileName}}");
        String name = partial.toString().replace(".mustache", "");

        for (String reference : new String[] {"{{> " + name + "}}", "{{>" + partial + "}}", "{{> x}}"}) {
            assertThatThrownBy(() -> MessageTemplate.compile("before " + reference, "MESSAGE_TEMPLATE", AS_IS))
                    .as(reference).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("partials").hasMessageNotContaining("LEAKED");
        }
    }

    @Test
    void rendersAnEmptyTemplateAsNothing() {
        assertThat(MessageTemplate.compile("", "MESSAGE_TEMPLATE", AS_IS).render(model(TestEvents.created())))
                .isEmpty();
        assertThat(MessageTemplate.compile(" \n{{^hasLink}}x{{/hasLink}}\n ", "MESSAGE_TEMPLATE", AS_IS)
                .render(model(TestEvents.created()))).isEmpty();
    }

    @Test
    void namesWhereTheTemplateCameFrom() {
        assertThatThrownBy(() -> MessageTemplate.compile("{{nope}}", "discord's default template", AS_IS))
                .hasMessageContaining("discord's default template uses [{{nope}}]");
    }

    private static TemplateModel model(LinkEvent event) {
        return TemplateModel.of(event, "evt-1");
    }
}
