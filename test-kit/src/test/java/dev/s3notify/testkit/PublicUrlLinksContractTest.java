package dev.s3notify.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.links.PublicUrlLinkGenerator;
import dev.s3notify.spi.LinkGeneratorProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in {@code public-url} kind keeps the contract: unsigned links that never expire. */
class PublicUrlLinksContractTest extends LinkGeneratorContract {
    @Override
    protected LinkGeneratorProvider provider() {
        return new PublicUrlLinkGenerator();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("PUBLIC_BASE_URL", "https://files.example.com/pub");
    }

    @Test
    void appendsTheEncodedKeyToTheBaseUrl() {
        assertThat(generator().generate(object("Q3 report + final (v2).pdf", null), NOW).url())
                .isEqualTo("https://files.example.com/pub/Q3%20report%20%2B%20final%20%28v2%29.pdf");
    }
}
