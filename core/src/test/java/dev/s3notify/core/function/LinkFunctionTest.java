package dev.s3notify.core.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.s3notify.core.EventEntry;
import dev.s3notify.core.Link;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.links.LinkPipeline;
import dev.s3notify.core.testing.LogCapture;
import dev.s3notify.spi.LinkContext;
import dev.s3notify.spi.LinkGenerator;
import dev.s3notify.spi.LinkGeneratorProvider;
import dev.s3notify.spi.Variable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building the link pipeline from the environment: signing keys, warnings, dry runs, start-up errors. */
class LinkFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String EVENT = """
            {"detail-type":"Object Created","source":"aws.s3","region":"eu-west-1",
             "detail":{"bucket":{"name":"b"},"object":{"key":"f.txt"}}}""";
    private static WireMockServer secrets;

    @BeforeAll
    static void start() {
        secrets = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        secrets.start();
    }

    @AfterAll
    static void stop() {
        secrets.stop();
    }

    @Test
    void signsLinksWithTheLongTermKeysOfTheSigningSecret() throws Exception {
        secrets.stubFor(post("/").withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse().withStatus(200).withBody("{\"SecretString\":"
                        + JSON.writeValueAsString("{\"accessKeyId\":\"AKIALONGTERM\",\"secretAccessKey\":\"s3cr3t\"}")
                        + "}")));
        Map<String, String> env = roleEnv();
        env.put("LINK_SIGNING_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:signer");
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.baseUrl());

        String url = detail(publish(env)).get("fileUrl").asText();

        assertThat(url).containsPattern("X-Amz-Credential=AKIALONGTERM%2F\\d{8}%2Feu-west-1%2Fs3%2Faws4_request")
                .doesNotContain("X-Amz-Security-Token");
    }

    @Test
    void refusesASigningSecretWithoutKeysWithoutShowingIt() {
        secrets.stubFor(post("/").willReturn(aResponse().withStatus(200)
                .withBody("{\"SecretString\":\"not-json-hunter2\"}")));
        Map<String, String> env = roleEnv();
        env.put("LINK_SIGNING_SECRET_ARN", "signer");
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.baseUrl());

        assertThatThrownBy(() -> LinkFunction.create(env, LinkFunction.Overrides.none()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("LINK_SIGNING_SECRET_ARN=signer")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void warnsWhenLinksOutliveTheRolesTemporaryCredentials() {
        try (LogCapture logs = new LogCapture()) {
            LinkFunction.create(roleEnv(), recording(new ArrayList<>()));

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("\"level\":\"WARN\"")
                    .contains("LINK_SIGNING_SECRET_ARN"));
        }
    }

    @Test
    void doesNotWarnForLinksOfAnHour() {
        Map<String, String> env = roleEnv();
        env.put("URL_EXPIRATION_SECONDS", "3600");
        try (LogCapture logs = new LogCapture()) {
            LinkFunction.create(env, recording(new ArrayList<>()));

            assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains("\"level\":\"WARN\""));
        }
    }

    @Test
    void signsDryRunsWithPlaceholderKeysWhenThereAreNoCredentials() throws Exception {
        List<EventEntry> seen = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            // An ambiguous key would need HeadObject, which placeholder keys cannot do: the decoded key is taken.
            LinkFunction.create(Map.of(), new LinkFunction.Overrides(true, seen::addAll, null, null, null))
                    .handle(EVENT.replace("f.txt", "my+report.pdf").getBytes(StandardCharsets.UTF_8), NOW);

            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("placeholder keys"));
        }
        assertThat(detail(seen).get("fileUrl").asText()).contains("X-Amz-Credential=AKIAIOSFODNN7EXAMPLE");
        assertThat(detail(seen).get("key").asText()).isEqualTo("my report.pdf");
    }

    @Test
    void failsARealRunWithoutCredentialsSayingWhereItLooked() {
        LinkPipeline pipeline = LinkFunction.create(Map.of(), recording(new ArrayList<>()));

        assertThatThrownBy(() -> pipeline.handle(EVENT.getBytes(StandardCharsets.UTF_8), NOW))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID");
    }

    @Test
    void requiresPublicBaseUrlForPublicLinks() {
        assertThatThrownBy(() -> LinkFunction.create(Map.of("LINK_KIND", "public-url"), recording(new ArrayList<>())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PUBLIC_BASE_URL is required when LINK_KIND=public-url");
    }

    @Test
    void makesPublicLinksFromTheBaseUrl() throws Exception {
        List<EventEntry> seen = new ArrayList<>();
        LinkFunction.create(Map.of("LINK_KIND", "public-url", "PUBLIC_BASE_URL", "https://cdn.example.com/files/",
                "HEAD_OBJECT", "never"), recording(seen)).handle(EVENT.replace("f.txt", "my+report.pdf").getBytes(StandardCharsets.UTF_8), NOW);

        assertThat(detail(seen).get("fileUrl").asText()).isEqualTo("https://cdn.example.com/files/my%20report.pdf");
        assertThat(detail(seen).has("expiresAt")).isFalse();
    }

    @Test
    void handsAPluginLinkGeneratorTheValuesOfItsOwnVariables(@TempDir Path dir) throws Exception {
        List<EventEntry> seen = new ArrayList<>();
        Map<String, String> env = Map.of("LINK_KIND", "mirror", "MIRROR_HOST", "mirror.example.com");

        LinkFunction.create(env, new LinkFunction.Overrides(false, null, seen::addAll, null, linkGenerators(dir)))
                .handle(EVENT.getBytes(StandardCharsets.UTF_8), NOW);

        assertThat(detail(seen).get("fileUrl").asText()).isEqualTo("https://mirror.example.com/b/f.txt");
    }

    @Test
    void checksAPluginLinkGeneratorsVariablesWithTheOtherProblems(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("LINK_KIND", "mirror", "MIRROR_HOST", "not a host!",
                "URL_EXPIRATION_SECONDS", "0");

        assertThatThrownBy(() -> LinkFunction.create(env,
                new LinkFunction.Overrides(false, null, entries -> { }, null, linkGenerators(dir))))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).hasSize(2))
                .hasMessageContaining("MIRROR_HOST='not a host!' is not valid: expected a host name")
                .hasMessageContaining("URL_EXPIRATION_SECONDS='0'");
    }

    /** A plugin kind with a variable of its own: links to the same key on a mirror host. */
    public static final class MirrorLinkGenerator implements LinkGeneratorProvider {
        static final Variable<String> HOST = new Variable<>("MIRROR_HOST", "link-generator", null, true, false,
                "the mirror's host name", text -> {
                    if (!text.matches("[a-z0-9.-]+")) {
                        throw new IllegalArgumentException("a host name");
                    }
                    return text;
                });

        @Override
        public String kind() {
            return "mirror";
        }

        @Override
        public LinkGenerator create(LinkContext context) {
            String host = context.settings().get(HOST);
            return (object, now) -> new Link("https://" + host + "/" + object.bucket() + "/" + object.key(), null);
        }

        @Override
        public List<Variable<?>> variables() {
            return List.of(HOST);
        }
    }

    private static ClassLoader linkGenerators(Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services/" + LinkGeneratorProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, MirrorLinkGenerator.class.getName() + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, LinkFunctionTest.class.getClassLoader());
    }

    private static Map<String, String> roleEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "ASIAROLE");
        env.put("AWS_SECRET_ACCESS_KEY", "role-secret");
        env.put("AWS_SESSION_TOKEN", "role-token");
        env.put("AWS_REGION", "eu-west-1");
        env.put("HEAD_OBJECT", "never");
        return env;
    }

    private static LinkFunction.Overrides recording(List<EventEntry> seen) {
        return new LinkFunction.Overrides(false, null, seen::addAll, null, null);
    }

    private static List<EventEntry> publish(Map<String, String> env) {
        List<EventEntry> seen = new ArrayList<>();
        LinkFunction.create(env, recording(seen)).handle(EVENT.getBytes(StandardCharsets.UTF_8), NOW);
        return seen;
    }

    private static com.fasterxml.jackson.databind.JsonNode detail(List<EventEntry> entries) throws Exception {
        assertThat(entries).hasSize(1);
        return JSON.readTree(entries.get(0).detail());
    }
}
