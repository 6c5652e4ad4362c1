package dev.s3notify.core.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.input.TemplateShape;
import dev.s3notify.core.testing.TestEvents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Templates writsix to hurt: each is refused at start-up with a sensixce, or works. */
class MessageTemplateLimitsTest {
    private static final UnaryOperator<String> AS_IS = text -> text;

    @Test
    void refusesSectionsNestedFiveThousandDeepWithoutOverflowingTheStack() {
        String deep = "{{#hasLink}}".repeat(5_000) + "x" + "{{/hasLink}}".repeat(5_000);

        assertThatThrownBy(() -> MessageTemplate.compile(deep.substring(0, 9_000) + "{{/hasLink}}",
                "MESSAGE_TEMPLATE", AS_IS)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MESSAGE_TEMPLATE nests sections 750 levels deep; at most 6 are accepted");
        assertThatThrownBy(() -> MessageTemplate.compile(deep, "MESSAGE_TEMPLATE", AS_IS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MESSAGE_TEMPLATE is 120001 characters long; at most 10000 are accepted");
    }

    @Test
    void acceptsSectionsNestedSixDeepAndRefusesSeven() {
        String six = "{{#hasLink}}".repeat(6) + "{{fileName}}" + "{{/hasLink}}".repeat(6);
        String eleven = "{{#hasLink}}" + six + "{{/hasLink}}";

        assertThat(MessageTemplate.compile(six, "MESSAGE_TEMPLATE", AS_IS)
                .render(TemplateModel.of(TestEvents.created(), "e"))).isEqualTo("Q1_summary.pdf");
        assertThatThrownBy(() -> MessageTemplate.compile(eleven, "MESSAGE_TEMPLATE", AS_IS))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("7 levels deep");
    }

    @Test
    void refusesAPragmaWithoutWritingAnythingToTheLogs() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> MessageTemplate.compile("{{%FOO}} {{fileName}}", "MESSAGE_TEMPLATE", AS_IS))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("MESSAGE_TEMPLATE uses the pragma {{%FOO}}; pragmas are not supported");
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void refusesAPragmaAfterADelimiterChange() {
        assertThatThrownBy(() -> MessageTemplate.compile("{{=<% %>=}}<%%FOO%> <%fileName%>", "MESSAGE_TEMPLATE",
                AS_IS)).isInstanceOf(ConfigurationException.class).hasMessageContaining("pragma");
    }

    @Test
    void acceptsAValidDelimiterChangeWhosePercentSignsAreNotPrintf() {
        MessageTemplate template = MessageTemplate.compile("{{=<% %>=}}<% fileName %> is in <%bucket%> (<%& key %>)",
                "MESSAGE_TEMPLATE", AS_IS);

        assertThat(template.render(TemplateModel.of(TestEvents.created(), "e")))
                .isEqualTo("Q1_summary.pdf is in uploads (reports/Q1_summary.pdf)");
    }

    @Test
    void stillRefusesPrintfInTheTextOfATemplateWithOtherDelimiters() {
        assertThatThrownBy(() -> MessageTemplate.compile("{{=<% %>=}}New file %s", "MESSAGE_TEMPLATE", AS_IS))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("uses the printf style ('%s')");
    }

    @Test
    void refusesMoreThanTwoHundredTags() {
        assertThatThrownBy(() -> MessageTemplate.compile("{{fileName}}".repeat(201), "MESSAGE_TEMPLATE", AS_IS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MESSAGE_TEMPLATE has 201 tags; at most 200 are accepted");
    }

    @Test
    void checksTheLargestTemplatesAcceptedQuickly() {
        // A benchmark, not a timed test: it prints how long the worst shapes accepted take to check.
        String flat = "{{#hasLink}}{{fileName}}{{/hasLink}}".repeat(TemplateShape.MAX_TAGS / 3);
        String nested = ("{{#hasLink}}".repeat(6) + "{{fileName}}" + "{{/hasLink}}".repeat(6))
                .repeat(TemplateShape.MAX_TAGS / 13);
        for (String template : new String[] {flat, nested}) {
            long start = System.nanoTime();
            String rendered = MessageTemplate.compile(template, "MESSAGE_TEMPLATE", AS_IS)
                    .render(TemplateModel.of(TestEvents.created(), "e"));
            System.out.printf("template of %d characters, depth %d: compiled and rendered in %d ms%n",
                    template.length(), TemplateShape.check(template, "t").depth(),
                    (System.nanoTime() - start) / 1_000_000);
            assertThat(rendered).startsWith("Q1_summary.pdf");
        }
    }
}
