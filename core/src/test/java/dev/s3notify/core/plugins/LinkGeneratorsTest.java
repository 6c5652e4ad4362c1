package dev.s3notify.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.config.Variables;
import dev.s3notify.core.error.UnknownKindException;
import dev.s3notify.core.links.PublicUrlLinkGenerator;
import dev.s3notify.core.links.S3PresignedLinks;
import dev.s3notify.spi.LinkGeneratorProvider;
import org.junit.jupiter.api.Test;

class LinkGeneratorsTest {
    private final KindRegistry<LinkGeneratorProvider> registry = LinkGenerators.load(getClass().getClassLoader());

    @Test
    void listsTheBuiltInKindsSorted() {
        assertThat(registry.kinds()).containsExactly("public-url", "s3-presigned");
        assertThat(registry.failures()).isEmpty();
    }

    @Test
    void findsEachBuiltInByItsKindInAnyCase() {
        assertThat(registry.get("s3-presigned")).isInstanceOf(S3PresignedLinks.class);
        assertThat(registry.get("Public-URL")).isInstanceOf(PublicUrlLinkGenerator.class);
    }

    @Test
    void listsTheAvailableKindsWhenTheKindIsUnknown() {
        assertThatThrownBy(() -> registry.get("nope"))
                .isInstanceOf(UnknownKindException.class)
                .hasMessageContaining("LINK_KIND=nope names no known kind; available: public-url, s3-presigned");
    }

    @Test
    void theDefaultKindIsAvailable() {
        assertThat(registry.kinds()).contains(Variables.LINK_KIND.defaultValue());
    }
}
