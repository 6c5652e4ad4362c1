package dev.s3notify.core.templates;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.error.ConfigurationException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A template that does not compile is explained in our words: the tag, the line, what to write instead. */
class TemplateErrorsTest {
    private static final UnaryOperator<String> AS_IS = value -> value;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x\\n{{/hasLink}}                | {{/hasLink}} on line 2 closes a section that is not open (no {{#hasLink}}"
            + " before it)",
        "{{#hasLink}}x{{/hasLinks}}      | {{#hasLink}} is closed by {{/hasLinks}} on line 1; close it with"
            + " {{/hasLink}}",
        "{{#hasLink}}\\nGet it           | the section {{#hasLink}} is never closed",
        "{{fileName                      | a tag on line 1 is not closed: {{ needs }} and {{{ needs }}}",
        "{{{fileName}}                   | a tag {{fileName on line 1 is not closed",
        "{{}}                            | an empty tag {{}} on line 1",
    })
    void namesTheTagAndLineInsteadOfMustachesWording(String template, String expected) {
        assertThatThrownBy(() -> MessageTemplate.compile(template.replace("\\n", "\n"), "--template", AS_IS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--template is not a valid Mustache template: " + expected)
                .hasMessageNotContaining("null").hasMessageNotContaining("@[").hasMessageNotContaining("Mismatched");
    }

    @org.junit.jupiter.api.Test
    void suggestsTheNameMeantByAMistypedOne() {
        assertThatThrownBy(() -> MessageTemplate.compile("{{filename}} is here", "MESSAGE_TEMPLATE", AS_IS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("uses [{{filename}}], which no event has; did you mean {{fileName}} for"
                        + " {{filename}}?");
    }
}
