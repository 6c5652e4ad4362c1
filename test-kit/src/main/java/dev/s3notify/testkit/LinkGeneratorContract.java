package dev.s3notify.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.s3notify.core.EventType;
import dev.s3notify.core.Link;
import dev.s3notify.core.ObjectEvent;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.LinkContext;
import dev.s3notify.spi.LinkGenerator;
import dev.s3notify.spi.LinkGeneratorProvider;
import dev.s3notify.spi.LinkSigner;
import dev.s3notify.spi.SpiVersion;
import dev.s3notify.spi.Variable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promises every link generator keeps, the two built-in kinds and plugins' alike. Extend it in the generator's
 * test sources (the {@code s3-notify-test-kit} artifact, scope test), implement {@link #provider()}, and give
 * {@link #settings()} the values of its variables that make a working generator. Checks are grouped as Micrometer's
 * compatibility kit groups them: {@link Provider the provider}, {@link Links the links it makes}.
 */
public abstract class LinkGeneratorContract {
    /** The time links count from in the contract. */
    protected static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    /** SigV4's longest presigned lifetime, and so the longest a link may claim to work. */
    protected static final Duration LONGEST_LIFETIME = Duration.ofDays(7);

    /** @return the provider under test */
    protected abstract LinkGeneratorProvider provider();

    /** @return values of the provider's variables that make a working generator; the default sets none */
    protected Map<String, String> settings() {
        return Map.of();
    }

    /**
     * @return the signer handed to the provider in its context; the default presigns nothing and makes links on
     *     {@code BUCKET.s3.example.com} that expire after the asked lifetime, as core's signer does
     */
    protected LinkSigner signer() {
        return (object, disposition, expiration, now) -> new Link("https://" + object.bucket()
                + ".s3.example.com/" + URLEncoder.encode(object.key(), StandardCharsets.UTF_8).replace("+", "%20")
                + "?X-Amz-Expires=" + expiration.toSeconds() + "&X-Amz-Signature=contract", now.plus(expiration));
    }

    /** @return the generator made from {@link #settings()} and {@link #signer()} */
    protected final LinkGenerator generator() {
        return provider().create(LinkContext.of(KindSettings.of(provider().variables(), settings()), signer()));
    }

    /** @return objects with the keys S3 allows that are hardest to put in a link */
    static Stream<Arguments> objects() {
        return Stream.of(
                Arguments.of("plain key", object("reports/q3.pdf", null)),
                Arguments.of("spaces and plus", object("Q3 report + final (v2).pdf", null)),
                Arguments.of("unicode", object("文件/résumé 📄.pdf", null)),
                Arguments.of("URL metacharacters", object("a?b#c%d&e=f;g.txt", null)),
                Arguments.of("deep path", object("a/".repeat(100) + "z.bin", null)),
                Arguments.of("1024-byte key", object("k".repeat(1_020) + ".txt", null)),
                Arguments.of("version", object("versioned.txt", "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY")));
    }

    static ObjectEvent object(String key, String versionId) {
        return ObjectEvent.builder().bucket("contract-bucket").key(key).size(1_234L)
                .eTag("d41d8cd98f00b204e9800998ecf8427e").versionId(versionId).type(EventType.CREATED)
                .eventTime(NOW.minusSeconds(5)).region("us-east-1").sourceEventId("contract-event").build();
    }

    /** What the provider declares and how it starts. */
    @Nested
    class Provider {
        @Test
        void hasAStableLowercaseKind() {
            assertThat(provider().kind()).matches("[a-z0-9][a-z0-9.-]*");
        }

        @Test
        void isListedForTheServiceLoader() {
            List<Class<?>> found = ServiceLoader.load(LinkGeneratorProvider.class).stream()
                    .<Class<?>>map(ServiceLoader.Provider::type).toList();

            assertThat(found).as("META-INF/services/" + LinkGeneratorProvider.class.getName())
                    .contains(provider().getClass());
        }

        @Test
        void needsNoNewerPluginInterfacesThanThisCore() {
            assertThat(provider().apiVersion()).isBetween(1, SpiVersion.CURRENT);
        }

        @Test
        void declaresItsVariablesForTheLinkGenerator() {
            Set<String> names = new HashSet<>();
            for (Variable<?> variable : provider().variables()) {
                assertThat(variable.name()).matches("[A-Z][A-Z0-9_]*");
                assertThat(variable.function()).as(variable.name()).isIn("link-generator", "both");
                assertThat(names.add(variable.name())).as("declared once: " + variable.name()).isTrue();
            }
        }

        @Test
        void createsAGeneratorFromItsSettings() {
            assertThat(generator()).isNotNull();
        }

        @Test
        void startsWithoutEachSettingOrRefusesWithAConfigurationErrorNamingIt() {
            assumeTrue(!settings().isEmpty(), "the contract gives this kind no settings");
            for (String name : settings().keySet()) {
                Map<String, String> without = new HashMap<>(settings());
                without.remove(name);
                try {
                    assertThat(provider().create(LinkContext.of(KindSettings.of(provider().variables(), without),
                            signer()))).as("generator without " + name).isNotNull();
                } catch (ConfigurationException e) {
                    assertThat(e.getMessage()).as("the error without " + name).contains(name);
                }
            }
        }
    }

    /** The links it makes. */
    @Nested
    class Links {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.s3notify.testkit.LinkGeneratorContract#objects")
        void makesAnAbsoluteWebLinkForAnyKey(String name, ObjectEvent object) {
            Link link = generator().generate(object, NOW);

            URI uri = URI.create(link.url());
            assertThat(uri.getScheme()).isIn("https", "http");
            assertThat(uri.getHost()).isNotBlank();
            assertThat(link.url()).doesNotContain(" ").doesNotContainPattern("\\p{Cntrl}");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.s3notify.testkit.LinkGeneratorContract#objects")
        void expiresNeverOrAfterNowAndWithinSevenDays(String name, ObjectEvent object) {
            Instant expiresAt = generator().generate(object, NOW).expiresAt();

            assumeTrue(expiresAt != null, "links of this kind do not expire");
            assertThat(expiresAt).isAfter(NOW).isBeforeOrEqualTo(NOW.plus(LONGEST_LIFETIME));
        }

        @Test
        void givesDistinctKeysDistinctLinks() {
            List<String> urls = objects().map(a -> (ObjectEvent) a.get()[1])
                    .filter(o -> o.versionId() == null).map(o -> generator().generate(o, NOW).url()).toList();

            assertThat(urls).doesNotHaveDuplicates();
        }

        @Test
        void neverShowsTheLinksQueryWhenPrinted() {
            Link link = generator().generate(object("secret.txt", null), NOW);

            String query = URI.create(link.url()).getRawQuery();
            assumeTrue(query != null, "links of this kind carry no query");
            assertThat(link.toString()).doesNotContain(query);
        }

        @Test
        void makesLinksFromManyThreadsAtOnce() throws Exception {
            LinkGenerator generator = generator();
            List<Callable<String>> work = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ObjectEvent object = object("parallel/" + i + ".txt", null);
                work.add(() -> generator.generate(object, NOW).url());
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                Set<String> urls = new HashSet<>();
                for (Future<String> url : pool.invokeAll(work)) {
                    urls.add(url.get());
                }
                assertThat(urls).hasSize(200);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
