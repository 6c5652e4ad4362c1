package dev.s3notify.core.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.s3notify.core.Digest;
import dev.s3notify.core.error.ConfigurationException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A digest template compiled on first use: nothing at cold start, the same result and errors afterwards. */
class DigestTemplateOnFirstUseTest {
    private static final UnaryOperator<String> AS_IS = text -> text;

    @Test
    void rendersAsTheCompiledTemplateDoes() {
        String text = "{{count}} files:{{#files}} {{fileName}}{{/files}}";
        Digest.Renderer lazy = DigestTemplate.onFirstUse(text, "DIGEST_TEMPLATE", AS_IS);
        DigestTemplate compiled = DigestTemplate.compile(text, "DIGEST_TEMPLATE", AS_IS);
        Digest digest = SampleEvents.digest(compiled);

        assertThat(lazy.render(digest, digest.count())).isEqualTo(compiled.render(digest, digest.count()))
                .startsWith(digest.count() + " files:");
    }

    @Test
    void reportsAProblemWhenFirstUsedAndEveryTimeAfter() {
        Digest.Renderer lazy = DigestTemplate.onFirstUse("{{#files}}{{fileUrll}}{{/files}}", "example's default",
                AS_IS);
        Digest digest = SampleEvents.digest(DigestTemplate.compile("{{count}}", "DIGEST_TEMPLATE", AS_IS));

        ConfigurationException first = catchThrowableOfType(() -> lazy.render(digest, 1),
                ConfigurationException.class);
        ConfigurationException again = catchThrowableOfType(() -> lazy.render(digest, 1),
                ConfigurationException.class);

        assertThat(first).hasMessageContaining("example's default uses [{{fileUrll}}], which no event has");
        assertThat(again).isSameAs(first);
    }
}
