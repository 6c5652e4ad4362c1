package dev.s3notify.core.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.s3notify.core.WebhookRequest;
import dev.s3notify.core.dispatch.Destination;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.DeliveryException;
import dev.s3notify.core.error.FailureReason;
import dev.s3notify.core.testing.Fixtures;
import dev.s3notify.core.testing.LogCapture;
import dev.s3notify.core.testing.TestFormatters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher built from a routes document: one destination per route, the direct path through them. */
class RoutedDispatchTest {
    private static final String TOKEN = "rOuTe-webhook-token-0123456789abcdefABCDEF";
    private static final String CHAT = "/api/webhooks/1/" + TOKEN;
    private static final String OTHER = "/api/webhooks/2/" + TOKEN;
    private static final String PLAIN = "/hooks/plain";
    private static final String EVENT = "eventbridge-file-link-generated.json"; // reports/2024/Q1_summary.pdf

    @TempDir
    Path classPathEntry;
    @TempDir
    Path files;
    private WireMockServer server;
    private ClassLoader formatters;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withStatus(204)));
        server.stubFor(post(urlPathEqualTo(OTHER)).willReturn(aResponse().withStatus(204)));
        server.stubFor(post(urlPathEqualTo(PLAIN)).willReturn(aResponse().withStatus(204)));
        formatters = TestFormatters.loader(classPathEntry, TestFormatters.Chat.class, TestFormatters.OtherChat.class,
                TestFormatters.Generic.class);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void postsAnEventToEveryRouteWhoseFiltersAllMatchAndToNoOther() {
        DispatchPipeline pipeline = create(Map.of("ROUTES", "[" + route("pdfs", CHAT, "\"filters\":{\"suffix\":\".pdf\","
                + "\"prefix\":\"reports/\"}") + "," + route("photos", OTHER, "\"filters\":{\"contentType\":\"image/*\"}")
                + "," + route("all", PLAIN, "\"kind\":\"generic\"") + "]"));

        DispatchPipeline.Outcome outcome = pipeline.handle(Fixtures.bytes(EVENT), soon());

        assertThat(outcome.delivered()).isEqualTo(2);
        server.verify(1, postRequestedFor(urlEqualTo(CHAT + "?wait=true")));
        server.verify(0, postRequestedFor(urlPathEqualTo(OTHER)));
        server.verify(1, postRequestedFor(urlEqualTo(PLAIN))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Q1_summary.pdf"))));
        assertThat(pipeline.destinations()).extracting(Destination::name).containsExactly("pdfs", "photos", "all");
    }

    @Test
    void eachRouteHasItsOwnKindTemplateAndSettings() {
        create(Map.of("ROUTES", "[" + route("a", CHAT, "\"template\":\"A: {{fileName}}\",\"settings\":"
                + "{\"CHAT_USERNAME\":\"finance-bot\"}") + "," + route("b", OTHER, "\"template\":\"B: {{key}}\"")
                + "]")).handle(Fixtures.bytes(EVENT), soon());

        server.verify(postRequestedFor(urlPathEqualTo(CHAT))
                .withRequestBody(matchingJsonPath("$.content", equalTo("A: Q1\\_summary.pdf")))
                .withRequestBody(matchingJsonPath("$.username", equalTo("finance-bot"))));
        server.verify(postRequestedFor(urlPathEqualTo(OTHER))
                .withRequestBody(matchingJsonPath("$.content", equalTo("B: reports/2024/Q1\\_summary.pdf")))
                .withRequestBody(matchingJsonPath("$.username", equalTo("s3-notify"))));
    }

    @Test
    void anEventNoRouteMatchesIsCountedAndLoggedNotAnError() {
        DispatchPipeline pipeline = create(Map.of("ROUTES", "[" + route("photos", CHAT,
                "\"filters\":{\"suffix\":[\".jpg\",\".png\"]}") + "]"));
        String log;
        DispatchPipeline.Outcome outcome;
        try (LogCapture captured = new LogCapture()) {
            outcome = pipeline.handle(Fixtures.bytes(EVENT), soon());
            log = String.join("\n", captured.lines());
        }

        assertThat(outcome.delivered()).isZero();
        assertThat(outcome.failedMessageIds()).isEmpty();
        server.verify(0, postRequestedFor(anyUrl()));
        assertThat(log).contains("\"level\":\"INFO\"").contains("event matched no route; nothing posted")
                .doesNotContain("\"level\":\"ERROR\"");
    }

    @Test
    void aRefusingRoutesMessageGoesToItsFallbackWithALineSayingWhy() {
        server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\": \"Unknown Webhook\", \"code\": 10015}")));
        DispatchPipeline pipeline = create(Map.of("ROUTES", "[" + route("photos", CHAT, "\"fallback\":\"ops\"") + ","
                + route("ops", PLAIN, "\"kind\":\"generic\",\"filters\":{\"bucket\":\"elsewhere\"}") + "]"));
        String log;
        DispatchPipeline.Outcome outcome;
        try (LogCapture captured = new LogCapture()) {
            outcome = pipeline.handle(Fixtures.bytes(EVENT), soon());
            log = String.join("\n", captured.lines());
        }

        assertThat(outcome.delivered()).isEqualTo(1);
        server.verify(1, postRequestedFor(urlPathEqualTo(CHAT)));
        // The fallback takes the refused message even though its own filters would not take the event.
        server.verify(1, postRequestedFor(urlEqualTo(PLAIN)).withRequestBody(matchingJsonPath("$.text",
                containing("Meant for route 'photos' (chat, 127.0.0.1), but its webhook refused it for good:")))
                .withRequestBody(matchingJsonPath("$.text", containing("(GONE). Sent here instead, to its fallback"
                        + " route 'ops'.\nQ1_summary.pdf"))));
        assertThat(log).contains("\"level\":\"ERROR\"").contains("it goes to the route's fallback")
                .contains("\"fallback\":\"ops\"").doesNotContain(TOKEN);
    }

    @Test
    void theFallbackLineNeverCarriesASecretTheRefusingWebhookSentBack() {
        server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withStatus(403).withBody(
                "{\"message\": \"token " + TOKEN + " revoked for " + url(OTHER) + "\", \"code\": 50027}")));
        String log;
        try (LogCapture captured = new LogCapture()) {
            create(Map.of("ROUTES", "[" + route("a", CHAT, "\"fallback\":\"b\"") + "," + route("b", OTHER,
                    "\"filters\":{\"bucket\":\"elsewhere\"}") + "]")).handle(Fixtures.bytes(EVENT), soon());
            log = String.join("\n", captured.lines());
        }

        server.verify(1, postRequestedFor(urlPathEqualTo(OTHER)).withRequestBody(containing("Meant for route 'a'")));
        server.findAll(postRequestedFor(urlPathEqualTo(OTHER))).forEach(request -> assertThat(request.getBodyAsString())
                .contains("(AUTHENTICATION)").doesNotContain(TOKEN));
        assertThat(log).doesNotContain(TOKEN);
    }

    @Test
    void aRefusalWithoutFallbackFailsTheInvocationAfterTheOtherRoutesWereTried() {
        server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withStatus(401)));
        DispatchPipeline pipeline = create(Map.of("ROUTES", "[" + route("a", CHAT, "") + "," + route("b", OTHER, "")
                + "]"));

        DeliveryException e = catchThrowableOfType(() -> pipeline.handle(Fixtures.bytes(EVENT), soon()),
                DeliveryException.class);

        assertThat(e.reason()).isEqualTo(FailureReason.AUTHENTICATION);
        server.verify(1, postRequestedFor(urlPathEqualTo(OTHER)));
    }

    @Test
    void aRetryableFailureIsNotSentToTheFallback() {
        server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withStatus(503)));
        DispatchPipeline pipeline = create(Map.of("ROUTES", "[" + route("a", CHAT, "\"fallback\":\"b\"") + ","
                + route("b", OTHER, "\"filters\":{\"bucket\":\"elsewhere\"}") + "]", "MAX_ATTEMPTS", "1"));

        DeliveryException e = catchThrowableOfType(() -> pipeline.handle(Fixtures.bytes(EVENT), soon()),
                DeliveryException.class);

        assertThat(e.reason()).isEqualTo(FailureReason.SERVER);
        server.verify(0, postRequestedFor(urlPathEqualTo(OTHER)));
    }

    @Test
    void aBadDocumentFailsWithEveryProblemNamedByRoute() {
        ConfigurationException e = createFails(Map.of("ROUTES", "[" + route("a", CHAT, "\"fallback\":\"nobody\"")
                + "," + "{\"name\":\"b\",\"url\":\"" + url(CHAT) + "\",\"urlParameter\":\"/x\",\"filtres\":{}}"
                + "," + route("c", CHAT, "\"template\":\"{{fileName\"") + "," + route("d", CHAT, "\"kind\":\"nope\"")
                + "," + route("e", CHAT, "\"fallback\":\"f\"") + "," + route("f", CHAT, "\"fallback\":\"e\"")
                + "," + route("g", CHAT, "\"settings\":{\"CHAT_COLOUR\":\"1\",\"CHAT_COLOR\":\"purple\"}")
                + "]", "WEBHOOK_URL", url(CHAT), "CHAT_USERNAME", "bot"));

        assertThat(e.problems())
                .anySatisfy(p -> assertThat(p).startsWith("ROUTES: route 'a': fallback: \"nobody\" names no route"))
                .anySatisfy(p -> assertThat(p).startsWith("ROUTES: route 'b': filtres: not a known field; did you"
                        + " mean 'filters'?"))
                .anySatisfy(p -> assertThat(p).startsWith("ROUTES: route 'b': two webhook sources"))
                .anySatisfy(p -> assertThat(p).startsWith("ROUTES: route 'c': template is not a valid Mustache template"))
                .anySatisfy(p -> assertThat(p).isEqualTo("ROUTES: route 'd': kind: \"nope\" names no known kind (a plugin's"
                        + " kind needs its jar in S3NOTIFY_PLUGINS_DIR or a Lambda layer's java/lib); available: chat,"
                        + " generic, otherchat"))
                .anySatisfy(p -> assertThat(p).contains("e -> f -> e"))
                .anySatisfy(p -> assertThat(p).isEqualTo("ROUTES: route 'g': settings.CHAT_COLOUR: not a setting of"
                        + " the chat kind; did you mean 'CHAT_COLOR'? (its settings: CHAT_USERNAME, CHAT_COLOR)"))
                .anySatisfy(p -> assertThat(p).isEqualTo("ROUTES: route 'g': settings.CHAT_COLOR='purple' is not"
                        + " valid: expected a whole number from 0 to 16777215"))
                .anySatisfy(p -> assertThat(p).startsWith("WEBHOOK_URL is set, but ROUTES configures the webhooks"))
                .anySatisfy(p -> assertThat(p).startsWith("CHAT_USERNAME is set, but with routes each route's"
                        + " settings are its own"))
                .noneSatisfy(p -> assertThat(p).contains(TOKEN));
        server.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aFallbackWhoseMessagesCannotCarryTheFallbackLineFailsAtStartUp() {
        ClassLoader json = TestFormatters.loader(files, TestFormatters.Chat.class, TestFormatters.JsonBody.class);
        String ops = route("ops", PLAIN, "\"kind\":\"jsonbody\",\"template\":\"{\\\"file\\\":\\\"{{fileName}}\\\"}\"");

        ConfigurationException e = catchThrowableOfType(() -> DispatchFunction.create(Map.of("ROUTES", "["
                + route("a", CHAT, "\"fallback\":\"ops\"") + "," + ops + "]"), new DispatchFunction.Overrides(false,
                null, null, null, json, null)), ConfigurationException.class);

        assertThat(e.problems()).singleElement().asString().startsWith("ROUTES: route 'ops' is the fallback of a, but"
                + " its messages cannot start with the line that says where they were meant to go: ROUTES: route"
                + " 'ops': template cannot be formatted for a created event: the template's output is not JSON");
        // Not a fallback, the same route starts.
        assertThat(DispatchFunction.create(Map.of("ROUTES", "[" + route("a", CHAT, "") + "," + ops + "]"),
                new DispatchFunction.Overrides(false, null, null, null, json, null)).destinations()).hasSize(2);
    }

    @Test
    void readsTheDocumentFromAFile() throws Exception {
        Path document = Files.writeString(files.resolve("routes.json"), "{\"routes\":[" + route("a", CHAT, "") + "]}");

        create(Map.of("ROUTES_FILE", document.toString())).handle(Fixtures.bytes(EVENT), soon());

        server.verify(1, postRequestedFor(urlPathEqualTo(CHAT)));
        ConfigurationException e = createFails(Map.of("ROUTES_FILE", files.resolve("missing.json").toString()));
        assertThat(e.problems()).singleElement().asString().startsWith("ROUTES_FILE=\"" + files.resolve("missing.json")
                + "\": cannot be read: NoSuchFileException");
    }

    @Test
    void readsTheDocumentFromParameterStoreAndEachStoredUrlWhereItIsKept() {
        String secretArn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:photos-AbCdEf";
        String document = "[{\"name\":\"photos\",\"kind\":\"chat\",\"urlSecretArn\":\"" + secretArn + "\"},"
                + "{\"name\":\"docs\",\"urlParameter\":\"/s3notify/docs-url\"}]";
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .withRequestBody(matchingJsonPath("$.Name", equalTo("/s3notify/routes")))
                .willReturn(okJson("{\"Parameter\":{\"Type\":\"String\",\"Value\":" + quoted(document) + "}}")));
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .withRequestBody(matchingJsonPath("$.Name", equalTo("/s3notify/docs-url")))
                .willReturn(okJson("{\"Parameter\":{\"Type\":\"SecureString\",\"Value\":\"" + url(OTHER) + "\"}}")));
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(okJson("{\"SecretString\":\"" + url(CHAT) + "\"}")));
        Map<String, String> env = aws();
        env.put("ROUTES_PARAMETER", "/s3notify/routes");

        create(env).handle(Fixtures.bytes(EVENT), soon());

        server.verify(1, postRequestedFor(urlPathEqualTo(CHAT)));
        server.verify(1, postRequestedFor(urlPathEqualTo(OTHER)));
    }

    @Test
    void aStoredUrlThatCannotBeReadIsNamedByItsRoute() {
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withBody(
                "{\"__type\":\"ParameterNotFound\",\"message\":\"not found\"}")));
        Map<String, String> env = aws();
        env.put("ROUTES", "[{\"name\":\"docs\",\"kind\":\"chat\",\"urlParameter\":\"/s3notify/gone\"}]");

        ConfigurationException e = createFails(env);

        assertThat(e.problems()).singleElement().asString().startsWith("ROUTES: route 'docs': urlParameter: ")
                .contains("/s3notify/gone").contains("ParameterNotFound");
    }

    @Test
    void onlyOneWayToGiveTheDocument() {
        ConfigurationException e = createFails(Map.of("ROUTES", "[" + route("a", CHAT, "") + "]", "ROUTES_FILE",
                "/opt/routes.json"));

        assertThat(e.problems()).contains("set only one of ROUTES, ROUTES_PARAMETER and ROUTES_FILE (set: ROUTES,"
                + " ROUTES_FILE)");
    }

    @Test
    void previewsOneRouteChosenByName() {
        List<String> formatted = new ArrayList<>();
        DispatchPipeline pipeline = DispatchFunction.create(Map.of("ROUTES", "[" + route("a", CHAT, "") + ","
                + route("b", OTHER, "\"template\":\"B {{fileName}}\"") + "]"), new DispatchFunction.Overrides(true,
                (Destination d, WebhookRequest r) -> formatted.add(d.name() + ": " + r.body()), null, null, formatters,
                null).withRoute("b"));

        pipeline.handle(Fixtures.bytes(EVENT), soon());

        assertThat(formatted).singleElement().asString().startsWith("b: ").contains("B Q1\\\\_summary.pdf");
        server.verify(0, postRequestedFor(anyUrl()));
        ConfigurationException e = catchThrowableOfType(() -> DispatchFunction.create(Map.of("ROUTES", "["
                + route("photos", CHAT, "") + "]"), new DispatchFunction.Overrides(true, null, null, null, formatters,
                null).withRoute("photo")), ConfigurationException.class);
        assertThat(e.problems()).containsExactly("--route \"photo\": no such route; did you mean 'photos'? (routes:"
                + " photos)");
    }

    @Test
    void aRouteOptionWithoutRoutesIsAnError() {
        ConfigurationException e = catchThrowableOfType(() -> DispatchFunction.create(Map.of("WEBHOOK_URL", url(CHAT)),
                new DispatchFunction.Overrides(false, null, null, null, formatters, null).withRoute("a")),
                ConfigurationException.class);

        assertThat(e).hasMessageContaining("--route \"a\": no routes are configured");
    }

    private String route(String name, String path, String more) {
        return "{\"name\":\"" + name + "\",\"url\":\"" + url(path) + "\"" + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Map<String, String> aws() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.port());
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        env.put("AWS_REGION", "eu-west-1");
        return env;
    }

    private DispatchPipeline create(Map<String, String> env) {
        return DispatchFunction.create(env, new DispatchFunction.Overrides(false, null, null, null, formatters, null));
    }

    private ConfigurationException createFails(Map<String, String> env) {
        return catchThrowableOfType(() -> create(env), ConfigurationException.class);
    }

    private static Instant soon() {
        return Instant.now().plusSeconds(30);
    }
}
