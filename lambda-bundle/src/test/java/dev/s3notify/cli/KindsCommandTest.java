package dev.s3notify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code s3notify kinds}: every formatter and link generator, their variables, the ones in use, the failures. */
class KindsCommandTest {
    private final TestConsole console = new TestConsole();

    @Test
    void listsEveryKindWithTheirVariables() {
        assertThat(console.run(Map.of(), "kinds")).as(console.err()).isZero();

        assertThat(console.out()).contains("Webhook formatters (WEBHOOK_KIND)", "Link generators (LINK_KIND)",
                "    discord\n", "    slack\n", "    teams  (reads no variables of its own)\n", "    generic  (", "    googlechat\n",
                "    mattermost\n", "    ntfy\n", "    sns\n", "    telegram\n", "NTFY_TOPIC (required, secret)",
                "  * s3-presigned  (the default)", "    public-url\n",
                "EMBED_COLOR (default: 3447003)", "SLACK_DOWNLOAD_BUTTON (default: true)",
                "WEBHOOK_SIGNING_SECRET (secret)", "PUBLIC_BASE_URL", "URL_EXPIRATION_SECONDS (default: 86400)",
                "in use: none (WEBHOOK_KIND and WEBHOOK_URL are unset; s3notify run and preview format as discord)");
    }

    @Test
    void printsJsonForMachines() {
        assertThat(console.run(Map.of(), "kinds", "--json")).as(console.err()).isZero();

        JsonNode formatters = console.json().get("webhookFormatters");
        assertThat(formatters.get("kinds").findValuesAsText("kind")).containsExactly("discord", "generic",
                "googlechat", "mattermost", "ntfy", "slack", "sns", "teams", "telegram");
        assertThat(formatters.get("inUse").isNull()).isTrue();
        JsonNode generic = formatters.get("kinds").get(1);
        JsonNode headers = StreamSupport.stream(generic.get("variables").spliterator(), false)
                .filter(v -> v.get("name").asText().equals("WEBHOOK_HEADERS")).findFirst().orElseThrow();
        assertThat(headers.get("secret").asBoolean()).isTrue();
        assertThat(headers.get("default").isNull()).isTrue();
        JsonNode links = console.json().get("linkGenerators");
        assertThat(links.get("kinds").findValuesAsText("kind")).containsExactly("public-url", "s3-presigned");
        assertThat(links.get("inUse").asText()).isEqualTo("s3-presigned");
        assertThat(links.get("kinds").get(1).get("variables").get(0).get("default").asText()).isEqualTo("86400");
        assertThat(formatters.get("failures")).isEmpty();
    }

    @Test
    void marksTheFormatterInferredFromTheWebhookUrlWithoutShowingIt() {
        int exit = console.run(Map.of("WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/secretpart"),
                "kinds", "--json");

        assertThat(exit).isZero();
        JsonNode formatters = console.json().get("webhookFormatters");
        assertThat(formatters.get("inUse").asText()).isEqualTo("slack");
        assertThat(formatters.get("why").asText()).isEqualTo("inferred from WEBHOOK_URL, host hooks.slack.com");
        assertThat(console.out()).doesNotContain("secretpart");
    }

    @Test
    void marksTheKindsTheVariablesName() {
        assertThat(console.run(Map.of("WEBHOOK_KIND", "Teams", "LINK_KIND", "public-url"), "kinds")).isZero();

        assertThat(console.out()).contains("  * teams", "in use: teams (WEBHOOK_KIND=Teams)", "  * public-url",
                "in use: public-url (LINK_KIND=public-url)");
    }

    @Test
    void explainsAnUnknownKindInsteadOfMarkingOne() {
        assertThat(console.run(Map.of("WEBHOOK_KIND", "matrix"), "kinds", "--json")).isZero();

        JsonNode formatters = console.json().get("webhookFormatters");
        assertThat(formatters.get("inUse").isNull()).isTrue();
        assertThat(formatters.get("why").asText()).contains("WEBHOOK_KIND=matrix names no known kind")
                .contains("discord, generic, googlechat, mattermost, ntfy, slack, sns, teams, telegram");
    }

    @Test
    void saysWhyNoFormatterIsMarkedWhenTheUrlIsStoredOrInvalid() {
        assertThat(console.run(Map.of("WEBHOOK_URL_PARAMETER", "/s3-notify/webhook"), "kinds")).isZero();
        assertThat(console.out()).contains("in use: none (inferred at start-up from the URL stored in");

        assertThat(console.run(Map.of("WEBHOOK_URL", "http://hooks.example.com/hidden"), "kinds")).isZero();
        assertThat(console.out()).contains("in use: none (WEBHOOK_URL=<secret> is not valid: expected")
                .doesNotContain("hidden");
    }

    @Test
    void listsProvidersThatFailedToLoad(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.s3notify.spi.WebhookFormatterProvider"), BrokenFormatter.class.getName());
        try (URLClassLoader plugins = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            TestConsole withPlugins = new TestConsole(plugins);

            assertThat(withPlugins.run(Map.of(), "kinds")).isZero();
            assertThat(withPlugins.out()).contains("providers that failed to load:\n    "
                    + BrokenFormatter.class.getName()).contains("could not be instantiated");
            assertThat(withPlugins.run(Map.of(), "kinds", "--json")).isZero();
            assertThat(withPlugins.json().get("webhookFormatters").get("failures").get(0).asText())
                    .startsWith(BrokenFormatter.class.getName());
            assertThat(withPlugins.json().get("webhookFormatters").get("kinds").findValuesAsText("kind"))
                    .isEqualTo(List.of("discord", "generic", "googlechat", "mattermost", "ntfy", "slack", "sns", "teams",
                            "telegram"));
        }
    }
}
