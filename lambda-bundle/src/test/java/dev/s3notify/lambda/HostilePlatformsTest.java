package dev.s3notify.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.plugins.WebhookFormatters;
import dev.s3notify.core.support.Log;
import dev.s3notify.spi.FormatterContext;
import dev.s3notify.spi.KindSettings;
import dev.s3notify.spi.WebhookFormatter;
import dev.s3notify.spi.WebhookFormatterProvider;
import dev.s3notify.testkit.Digests;
import dev.s3notify.testkit.HostileInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile platforms, through the real dispatcher handler's cold start and delivery: a webhook URL of another kind
 * than the one configured is said at start-up naming both; a retired Office 365 connector URL is refused with what
 * to use instead; a control character in {@code DISCORD_USERNAME} is refused; a {@code @everyone} typed into a
 * Discord template pings no one. Nothing secret (the URL's token) reaches the output.
 */
class HostilePlatformsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "s3cr3tT0kenPart-0123456789abcdefghijklmnop";
    private static final Path LINK_EVENTS = Path.of(System.getProperty("repo.root", ".."), "docs", "examples",
            "link-events");
    /** A mention Discord would act on: {@code @everyone}/{@code @here} or {@code <@...>} with nothing between. */
    private static final Pattern PINGING = Pattern.compile("@(everyone|here)|<[@#!]", Pattern.CASE_INSENSITIVE);
    private static WireMockServer webhook;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        webhook = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        webhook.start();
    }

    @AfterAll
    static void stop() {
        webhook.stop();
    }

    @BeforeEach
    void capture() {
        webhook.resetAll();
        Log.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() {
        Log.redirect(System.err);
    }

    @ParameterizedTest(name = "WEBHOOK_KIND={0} with {1}''s URL")
    @CsvSource({
        "discord, slack, https://hooks.slack.com/services/T0/B0/" + TOKEN,
        "slack, discord, https://discord.com/api/webhooks/123/" + TOKEN,
        "generic, teams, https://prod-00.westus.logic.azure.com/workflows/1/triggers/manual/paths/invoke?sig=" + TOKEN,
        "teams, slack, https://hooks.slack.com/services/T0/B0/" + TOKEN})
    void warnsAtColdStartNamingBothKindsWhenTheUrlIsAnotherKinds(String kind, String other, String url) {
        new WebhookDispatcherHandler(Map.of("WEBHOOK_KIND", kind, "WEBHOOK_URL", url), DispatchFunction.Overrides.none());

        assertThat(warnings()).singleElement().asString()
                .contains("is a " + other + " webhook's, but the kind is " + kind)
                .contains("set WEBHOOK_KIND (or --kind) to " + other);
        assertThat(output()).doesNotContain(TOKEN);
    }

    @ParameterizedTest
    @CsvSource({"discord, https://discord.com/api/webhooks/123/" + TOKEN,
        "slack, https://hooks.slack.com/services/T0/B0/" + TOKEN, "generic, https://relay.example.com/hook/" + TOKEN})
    void saysNothingWhenTheUrlIsTheKindsOwnOrNoKindsAtAll(String kind, String url) {
        new WebhookDispatcherHandler(Map.of("WEBHOOK_KIND", kind, "WEBHOOK_URL", url), DispatchFunction.Overrides.none());

        assertThat(warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}, WEBHOOK_KIND={1}")
    @CsvSource(value = {"https://contoso.webhook.office.com/webhookb2/0a1b@0c2d/IncomingWebhook/ef/" + TOKEN + ", teams",
        "https://contoso.webhook.office.com/webhookb2/0a1b@0c2d/IncomingWebhook/ef/" + TOKEN + ", ",
        "https://outlook.office.com/webhook/0a1b@0c2d/IncomingWebhook/ef/" + TOKEN + ", teams"})
    void refusesARetiredOffice365ConnectorAtColdStartSayingWhatToUseInstead(String url, String kind) {
        Map<String, String> env = new HashMap<>(Map.of("WEBHOOK_URL", url));
        if (kind != null) {
            env.put("WEBHOOK_KIND", kind);
        }

        assertThatThrownBy(() -> new WebhookDispatcherHandler(env, DispatchFunction.Overrides.none()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cannot be used with the teams formatter")
                .hasMessageContaining("Office 365 connector")
                .hasMessageContaining("Post to a channel when a webhook request is received")
                .hasMessageContaining("*.environment.api.powerplatform.com")
                .hasMessageNotContaining(TOKEN).hasMessageNotContaining("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Up\u0007loads", "Uploads\u202Efdp.exe", "Up\u001B[2Jloads"})
    void refusesAControlCharacterInTheDiscordUsernameAtColdStart(String name) {
        Map<String, String> env = Map.of("WEBHOOK_KIND", "discord", "WEBHOOK_URL", url(), "DISCORD_USERNAME", name);

        assertThatThrownBy(() -> new WebhookDispatcherHandler(env, DispatchFunction.Overrides.none()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DISCORD_USERNAME=")
                .hasMessageContaining("without control or bidi characters")
                .satisfies(e -> assertThat(e.getMessage().codePoints()
                        .filter(c -> c != '\n' && dev.s3notify.core.text.SafeText.unsafe(c))).isEmpty());
        assertThat(webhook.getAllServeEvents()).as("nothing posted").isEmpty();
    }

    @Test
    void deliversAMessageTemplatesOwnEveryoneWithoutPingingAnyone() throws Exception {
        webhook.stubFor(post(urlPathEqualTo("/api/webhooks/1/" + TOKEN)).willReturn(aResponse().withStatus(200)));
        Map<String, String> env = Map.of("WEBHOOK_KIND", "discord", "WEBHOOK_URL", url(), "MAX_ATTEMPTS", "1",
                "MESSAGE_TEMPLATE", "@everyone @here <@&42> {{fileName}} is in", "DISCORD_USERNAME", "Bot @here");
        WebhookDispatcherHandler handler = new WebhookDispatcherHandler(env, DispatchFunction.Overrides.none());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(LINK_EVENTS.resolve(
                "file-link-generated.json"))), out, new TestContext(60_000));

        assertThat(JSON.readTree(out.toByteArray()).path("delivered").asInt()).isEqualTo(1);
        JsonNode body = JSON.readTree(webhook.findAll(postRequestedFor(urlPathEqualTo("/api/webhooks/1/" + TOKEN)))
                .get(0).getBodyAsString());
        assertThat(body.path("embeds").path(0).path("description").asText()).contains("everyone").contains("here")
                .doesNotContainPattern(PINGING);
        assertThat(body.path("username").asText()).doesNotContainPattern(PINGING);
        assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
        assertThat(output()).doesNotContain(TOKEN);
    }

    @Test
    void formatsADigestTemplatesOwnEveryoneWithoutPingingAnyone() {
        WebhookFormatterProvider discord = WebhookFormatters.load(getClass().getClassLoader()).get("discord");
        WebhookFormatter formatter = discord.create(FormatterContext.of(KindSettings.of(discord.variables(),
                Map.of())));
        String template = "@everyone {{count}} files @HERE <#1>\n{{#files}}{{fileName}}\n{{/files}}";
        List<LinkEvent> files = List.of(HostileInput.created("up/a.pdf", "https://example-uploads.s3.amazonaws.com/a"),
                HostileInput.created("up/@everyone.pdf", "https://example-uploads.s3.amazonaws.com/b"));

        String body = formatter.formatDigest(Digests.of(formatter, template, files, null)).orElseThrow().body();

        assertThat(body).contains("everyone").doesNotContainPattern(PINGING);
        assertThat(body).contains("\"allowed_mentions\":{\"parse\":[]}");
    }

    private static String url() {
        return webhook.baseUrl() + "/api/webhooks/1/" + TOKEN + "?run=" + UUID.randomUUID();
    }

    private List<String> warnings() {
        return output().lines().filter(line -> line.contains("\"level\":\"WARN\"")).toList();
    }

    private String output() {
        return log.toString(StandardCharsets.UTF_8);
    }
}
