package dev.s3notify.core.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.Link;
import dev.s3notify.core.config.TestSettings;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.function.LinkFunction;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.LinkContext;
import dev.s3notify.spi.LinkSigner;
import dev.s3notify.spi.Variable;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicUrlLinkGeneratorTest {
    private static final LinkSigner UNUSED = (object, disposition, expiration, now) -> {
        throw new AssertionError("a public URL needs no signing");
    };
    private static final LinkFunction.Overrides DRY_RUN = new LinkFunction.Overrides(true, null, null, null, null);
    private final PublicUrlLinkGenerator generator = new PublicUrlLinkGenerator();

    @Test
    void appendsTheEncodedKeyToTheBaseUrlWithOrWithoutATrailingSlash() {
        for (String base : new String[] {"https://files.example.com/pub", "https://files.example.com/pub/"}) {
            Link link = generator.create(context(Map.of("PUBLIC_BASE_URL", base)))
                    .generate(TestSettings.created("uploads", "reports/Q3 résumé + data.pdf"), Instant.now());

            assertThat(link.url()).isEqualTo("https://files.example.com/pub/reports/Q3%20r%C3%A9sum%C3%A9%20%2B%20data.pdf");
            assertThat(link.expiresAt()).isNull();
        }
    }

    @Test
    void refusesAMissingBaseUrlWhenCreated() {
        assertThatThrownBy(() -> generator.create(context(Map.of())))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("PUBLIC_BASE_URL is required when LINK_KIND=public-url: "));
    }

    @Test
    void reportsAMissingBaseUrlAtStartUpWithTheOtherProblems() {
        Map<String, String> env = Map.of("LINK_KIND", "public-url", "URL_EXPIRATION_SECONDS", "8d");

        assertThatThrownBy(() -> LinkFunction.create(env, DRY_RUN))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("URL_EXPIRATION_SECONDS='8d' is not valid"))
                        .anySatisfy(p -> assertThat(p).startsWith("PUBLIC_BASE_URL is required when LINK_KIND")));
    }

    @Test
    void leavesAnInvalidBaseUrlToTheProblemAlreadyRecorded() {
        Map<String, String> env = Map.of("LINK_KIND", "public-url", "PUBLIC_BASE_URL", "ftp://x");

        assertThatThrownBy(() -> LinkFunction.create(env, DRY_RUN))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("PUBLIC_BASE_URL='ftp://x' is not"));
    }

    @Test
    void acceptsAValidBaseUrl() {
        assertThat(generator.create(context(Map.of("PUBLIC_BASE_URL", "https://cdn.example.com")))).isNotNull();
        assertThat(generator.variables()).extracting(Variable::name).containsExactly("PUBLIC_BASE_URL");
    }

    private LinkContext context(Map<String, String> env) {
        return LinkContext.of(KindSettings.of(generator.variables(), env), UNUSED);
    }
}
