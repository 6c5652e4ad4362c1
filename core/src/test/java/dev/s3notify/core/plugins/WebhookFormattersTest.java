package dev.s3notify.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.UnknownKindException;
import dev.s3notify.core.testing.LogCapture;
import dev.s3notify.core.testing.TestFormatters;
import dev.s3notify.spi.WebhookFormatterProvider;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookFormattersTest {
    @TempDir
    Path classPathEntry;

    @Test
    void findsAThirdPartyFormatterOnATestClassPathEntry() {
        assertThat(WebhookFormatters.load(WebhookFormattersTest.class.getClassLoader()).kinds())
                .as("core's own class path has no formatter").isEmpty();

        KindRegistry<WebhookFormatterProvider> registry = registry(TestFormatters.OtherChat.class, TestFormatters.Chat.class,
                TestFormatters.Generic.class);

        assertThat(registry.kinds()).containsExactly("chat", "generic", "otherchat");
        assertThat(WebhookFormatters.choose(registry, "otherchat", null)).isInstanceOf(TestFormatters.OtherChat.class);
    }

    @Test
    void choosesTheNamedKindInAnyCase() {
        WebhookFormatterProvider chosen = WebhookFormatters.choose(registry(TestFormatters.Chat.class,
                TestFormatters.Generic.class), "CHAT", URI.create("https://example.com/hook"));

        assertThat(chosen.kind()).isEqualTo("chat");
    }

    @Test
    void listsTheSortedKindsWhenTheKindIsUnknown() {
        KindRegistry<WebhookFormatterProvider> registry = registry(TestFormatters.OtherChat.class, TestFormatters.Generic.class,
                TestFormatters.Chat.class);

        assertThatThrownBy(() -> WebhookFormatters.choose(registry, "dicsord", URI.create("https://x.test/h")))
                .isInstanceOf(UnknownKindException.class)
                .hasMessageContaining("WEBHOOK_KIND=dicsord names no known kind; available: chat, generic, otherchat");
    }

    @Test
    void namesAFormatterThatFailedToLoad() {
        KindRegistry<WebhookFormatterProvider> registry = registry(TestFormatters.Broken.class, TestFormatters.Generic.class);

        assertThatThrownBy(() -> WebhookFormatters.choose(registry, "chat", null))
                .isInstanceOf(UnknownKindException.class)
                .hasMessageContaining("providers that failed to load: " + TestFormatters.Broken.class.getName());
    }

    @Test
    void namesBothClassesWhenTwoClaimOneKind() {
        ClassLoader loader = TestFormatters.loader(classPathEntry, TestFormatters.Chat.class,
                TestFormatters.ChatImpostor.class);

        assertThatThrownBy(() -> WebhookFormatters.load(loader))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("claim the kind 'chat'")
                .hasMessageContaining(TestFormatters.Chat.class.getName())
                .hasMessageContaining(TestFormatters.ChatImpostor.class.getName());
    }

    @Test
    void infersTheKindFromTheUrl() {
        WebhookFormatterProvider chosen = WebhookFormatters.choose(all(), null,
                URI.create("https://hooks.test/api/webhooks/1/token"));

        assertThat(chosen.kind()).isEqualTo("chat");
    }

    @Test
    void fallsBackToGenericWhenNoFormatterRecognizesTheUrl() {
        WebhookFormatterProvider chosen = WebhookFormatters.choose(all(), null, URI.create("https://example.com/hook/abc"));

        assertThat(chosen.kind()).isEqualTo(WebhookFormatters.FALLBACK_KIND);
    }

    @Test
    void refusesToGuessWhenSeveralFormattersRecognizeTheUrl() {
        assertThatThrownBy(() -> WebhookFormatters.choose(all(), null,
                URI.create("https://chat.test/api/webhooks/1/s3cr3t-token")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("several formatters recognize the host chat.test: [chat, otherchat]")
                .hasMessageContaining("set WEBHOOK_KIND")
                .hasMessageNotContaining("s3cr3t-token");
    }

    @Test
    void namesTheFieldsItWasGivenInsteadOfTheVariables() {
        assertThatThrownBy(() -> WebhookFormatters.choose(all(), null,
                URI.create("https://chat.test/api/webhooks/1/s3cr3t-token"), "kind", "url"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid configuration: kind is not set and several formatters recognize the host chat.test: [chat, otherchat];"
                        + " set kind");
        assertThatThrownBy(() -> WebhookFormatters.choose(all(), null, null, "kind", "url"))
                .hasMessage("Invalid configuration: kind is not set and there is no url to infer it from; set kind to one of: chat, generic,"
                        + " otherchat");
        assertThatThrownBy(() -> WebhookFormatters.choose(registry(TestFormatters.Chat.class), null,
                URI.create("https://example.com/hook/s3cr3t"), "kind", "url"))
                .hasMessageStartingWith("Invalid configuration: kind is not set, no formatter recognizes the host example.com")
                .hasMessageEndingWith("; set kind to one of: chat")
                .hasMessageNotContaining("WEBHOOK_KIND");
    }

    @Test
    void explainsThatTheFallbackIsMissing() {
        KindRegistry<WebhookFormatterProvider> registry = registry(TestFormatters.Chat.class);

        assertThatThrownBy(() -> WebhookFormatters.choose(registry, null, URI.create("https://example.com/hook/s3cr3t")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("WEBHOOK_KIND is not set, no formatter recognizes the host example.com")
                .hasMessageContaining("'generic' is not on the class path")
                .hasMessageContaining("set WEBHOOK_KIND to one of: chat")
                .hasMessageNotContaining("WEBHOOK_KIND=generic")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void needsAKindOrAUrlToChoose() {
        assertThatThrownBy(() -> WebhookFormatters.choose(all(), null, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("set WEBHOOK_KIND to one of: chat, generic, otherchat");
    }

    @Test
    void warnsNamingBothKindsWhenTheUrlIsAnotherKindsWebhook() {
        try (LogCapture log = new LogCapture()) {
            WebhookFormatterProvider chosen = WebhookFormatters.choose(all(), "generic",
                    URI.create("https://hooks.test/api/webhooks/1/s3cr3t-token"));

            assertThat(chosen.kind()).isEqualTo("generic");
            assertThat(log.lines()).singleElement().asString().contains("\"level\":\"WARN\"")
                    .contains("host hooks.test is a chat webhook's, but the kind is generic")
                    .contains("set WEBHOOK_KIND (or --kind) to chat").doesNotContain("s3cr3t");
        }
    }

    @Test
    void saysNothingWhenTheNamedKindRecognizesTheUrlOrNoneDoes() {
        try (LogCapture log = new LogCapture()) {
            WebhookFormatters.choose(all(), "chat", URI.create("https://hooks.test/api/webhooks/1/token"));
            WebhookFormatters.choose(all(), "chat", URI.create("https://relay.example.com/post"));

            assertThat(log.lines()).isEmpty();
        }
    }

    @Test
    void refusesAUrlTheChosenFormatterRefusesWhetherNamedOrInferred() {
        for (String kind : new String[] {"otherchat", null}) {
            assertThatThrownBy(() -> WebhookFormatters.choose(all(), kind,
                    URI.create("https://chat.test/retired/s3cr3t-token")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("the webhook URL (host chat.test) cannot be used with the otherchat"
                            + " formatter: those webhooks are retired; make a new one")
                    .hasMessageNotContaining("s3cr3t");
        }
        assertThat(WebhookFormatters.choose(all(), "chat", URI.create("https://chat.test/retired/x")).kind())
                .as("only the formatter that refuses it").isEqualTo("chat");
    }

    private KindRegistry<WebhookFormatterProvider> all() {
        return registry(TestFormatters.Chat.class, TestFormatters.OtherChat.class, TestFormatters.Generic.class);
    }

    private KindRegistry<WebhookFormatterProvider> registry(Class<?>... providers) {
        return WebhookFormatters.load(TestFormatters.loader(classPathEntry, providers));
    }
}
