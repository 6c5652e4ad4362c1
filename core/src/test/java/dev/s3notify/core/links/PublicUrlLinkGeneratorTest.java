package dev.s3notify.core.links;

import dev.s3notify.core.config.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.Link;
import dev.s3notify.spi.LinkSigner;
import dev.s3notify.spi.LinkSettings;
import dev.s3notify.core.config.Settings;
import dev.s3notify.spi.Variable;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicUrlLinkGeneratorTest {
    private static final LinkSigner UNUSED = (object, disposition, expiration, now) -> {
        throw new AssertionError("a public URL needs no signing");
    };
    private final PublicUrlLinkGenerator generator = new PublicUrlLinkGenerator();

    @Test
    void appendsTheEncodedKeyToTheBaseUrlWithOrWithoutATrailingSlash() {
        for (String base : new String[] {"https://files.example.com/pub", "https://files.example.com/pub/"}) {
            Link link = generator.create(settings(Map.of("LINK_KIND", "public-url", "PUBLIC_BASE_URL", base)))
                    .generate(TestSettings.created("uploads", "reports/Q3 résumé + data.pdf"), Instant.now());

            assertThat(link.url()).isEqualTo("https://files.example.com/pub/reports/Q3%20r%C3%A9sum%C3%A9%20%2B%20data.pdf");
            assertThat(link.expiresAt()).isNull();
        }
    }

    @Test
    void reportsAMissingBaseUrlAtStartUp() {
        Settings env = new Settings(Map.of("LINK_KIND", "public-url"));

        generator.check(LinkSettings.parse(env, UNUSED), env);

        assertThat(env.problems()).singleElement().asString()
                .startsWith("PUBLIC_BASE_URL is required when LINK_KIND=public-url: ");
    }

    @Test
    void leavesAnInvalidBaseUrlToTheProblemAlreadyRecorded() {
        Settings env = new Settings(Map.of("LINK_KIND", "public-url", "PUBLIC_BASE_URL", "ftp://x"));

        generator.check(LinkSettings.parse(env, UNUSED), env);

        assertThat(env.problems()).singleElement().asString().startsWith("PUBLIC_BASE_URL='ftp://x' is not");
    }

    @Test
    void acceptsAValidBaseUrl() {
        Settings env = new Settings(Map.of("PUBLIC_BASE_URL", "https://cdn.example.com"));

        generator.check(LinkSettings.parse(env, UNUSED), env);

        assertThat(env.problems()).isEmpty();
        assertThat(generator.variables()).extracting(Variable::name).containsExactly("PUBLIC_BASE_URL");
    }

    private static LinkSettings settings(Map<String, String> env) {
        Settings settings = new Settings(env);
        LinkSettings parsed = LinkSettings.parse(settings, UNUSED);
        settings.validate();
        return parsed;
    }
}
