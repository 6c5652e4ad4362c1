package dev.s3notify.docs;

import static dev.s3notify.docs.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.routes.Route;
import dev.s3notify.core.routes.RoutesDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The template's Routes and RouteSecretArns, rendered as CloudFormation would: the dispatcher gets the document
 * inline (ROUTES) or a parameter's name (ROUTES_PARAMETER) and may read exactly that parameter and the ARNs listed;
 * left empty, the stack is what it was without them. ({@link TemplateRulesTest} checks the rules that go with them.)
 */
class TemplateRoutesTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    private static final String DISPATCHER = "WebhookDispatcherFunction";
    private static final String DOCUMENT = "[{\"name\":\"all\",\"urlParameter\":\"/s3notify/webhooks/all\"}]";
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:s3notify/slack-AbCdEf";
    private static final String PARAMETER = "arn:aws:ssm:eu-west-1:123456789012:parameter/s3notify/webhooks/discord";
    private static final List<String> REPLACED_BY_ROUTES = List.of("WEBHOOK_URL", "WEBHOOK_URL_SECRET_ARN",
            "WEBHOOK_URL_PARAMETER", "WEBHOOK_KIND", "MESSAGE_TEMPLATE", "DIGEST_TEMPLATE");
    private static CloudFormationTemplate template;

    @BeforeAll
    static void read() throws Exception {
        template = CloudFormationTemplate.read(ROOT.resolve("lambda-bundle/template.yaml"));
    }

    @ParameterizedTest(name = "Routes={0}")
    @ValueSource(strings = {DOCUMENT, "{\"routes\": [{\"name\": \"all\", \"url\": \"https://example.com/h/1\"}]}",
        "[\n  {\"name\": \"all\", \"url\": \"https://example.com/h/2\"}\n]"})
    void givesAnInlineDocumentToTheDispatcherAsRoutesAndGrantsNothingForIt(String document) {
        RenderedTemplate rendered = render(Map.of("Routes", document));

        assertThat(rendered.environment(DISPATCHER)).containsEntry("ROUTES", document)
                .doesNotContainKey("ROUTES_PARAMETER").doesNotContainKeys(REPLACED_BY_ROUTES.toArray(String[]::new));
        assertThat(rendered.statements(DISPATCHER)).isEmpty();
        assertThat(rendered.environment("LinkGeneratorFunction")).doesNotContainKeys("ROUTES", "ROUTES_PARAMETER");
    }

    @Test
    void givesAParameterNameToTheDispatcherAsRoutesParameterAndGrantsReadingThatParameter() {
        RenderedTemplate rendered = render(Map.of("Routes", "/s3notify/routes"));

        assertThat(rendered.environment(DISPATCHER)).containsEntry("ROUTES_PARAMETER", "/s3notify/routes")
                .doesNotContainKey("ROUTES").doesNotContainKeys(REPLACED_BY_ROUTES.toArray(String[]::new));
        assertThat(rendered.statements(DISPATCHER)).containsExactly(Map.of("Sid", "ReadRoutesParameter",
                "Effect", "Allow", "Action", "ssm:GetParameter", "Resource",
                "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/s3notify/routes"));
    }

    @ParameterizedTest(name = "Routes={0}")
    @ValueSource(strings = {DOCUMENT, "/s3notify/routes"})
    void grantsReadingExactlyTheListedSecretsAndParameters(String routes) {
        Map<String, Object> grant = Map.of("Sid", "ReadRouteWebhookUrls", "Effect", "Allow",
                "Action", List.of("secretsmanager:GetSecretValue", "ssm:GetParameter"),
                "Resource", List.of(SECRET, PARAMETER));

        List<Map<String, Object>> statements = render(Map.of("Routes", routes, "RouteSecretArns", SECRET + ","
                + PARAMETER)).statements(DISPATCHER);

        assertThat(statements).contains(grant).hasSize(routes.startsWith("/") ? 2 : 1);
        assertThat(render(Map.of("Routes", routes, "RouteSecretArns", SECRET)).statements(DISPATCHER))
                .extracting(s -> s.get("Resource")).contains(List.of(SECRET));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"WebhookUrl, https://hooks.slack.com/services/T/B/x, WEBHOOK_URL, ''",
        "WebhookUrlSecretArn, " + SECRET + ", WEBHOOK_URL_SECRET_ARN, ReadWebhookUrlSecret",
        "WebhookUrlParameter, /s3notify/webhook, WEBHOOK_URL_PARAMETER, ReadWebhookUrlParameter"})
    void leavesTheDispatcherAsItWasWhenRoutesAndRouteSecretArnsAreEmpty(String parameter, String value,
            String variable, String sid) {
        RenderedTemplate rendered = render(Map.of(parameter, value));

        assertThat(rendered.environment(DISPATCHER)).containsEntry(variable, value)
                .doesNotContainKeys("ROUTES", "ROUTES_PARAMETER");
        assertThat(rendered.statements(DISPATCHER)).extracting(s -> s.get("Sid"))
                .containsExactlyElementsOf(sid.isEmpty() ? List.of() : List.of(sid));
        for (String condition : List.of("HasRoutes", "HasInlineRoutes", "HasRoutesParameter", "HasRouteSecretArns")) {
            assertThat(rendered.condition(condition)).as(condition).isFalse();
        }
    }

    @Test
    void changesNothingButTheDispatchersEnvironmentAndPolicies() {
        Map<String, Object> without = resourcesBesidesTheDispatcher(render(Map.of(
                "WebhookUrl", "https://hooks.slack.com/services/T/B/x")));

        assertThat(resourcesBesidesTheDispatcher(render(Map.of("Routes", "/s3notify/routes", "RouteSecretArns",
                SECRET)))).isEqualTo(without);
        assertThat(resourcesBesidesTheDispatcher(render(Map.of("Routes", DOCUMENT)))).isEqualTo(without);
    }

    @Test
    void hidesTheRoutesParameterWhichMayHoldWebhookUrlsAndDefaultsBothToEmpty() {
        Map<String, Object> routes = map(template.section("Parameters").get("Routes"));
        assertThat(routes).containsEntry("Type", "String").containsEntry("Default", "").containsEntry("NoEcho", true);
        String pattern = String.valueOf(routes.get("AllowedPattern"));
        assertThat(List.of("", DOCUMENT, "{\"routes\":[]}", "/s3notify/routes", "[\n]")).allMatch(v -> v.matches(pattern));
        assertThat(List.of(" [", "s3notify/routes", "routes.json", "/a b")).noneMatch(v -> v.matches(pattern));

        Map<String, Object> arns = map(template.section("Parameters").get("RouteSecretArns"));
        assertThat(arns).containsEntry("Type", "CommaDelimitedList").containsEntry("Default", "");
        String each = String.valueOf(arns.get("AllowedPattern"));
        assertThat(List.of("", SECRET, PARAMETER)).allMatch(v -> v.matches(each));
        assertThat(List.of("*", "arn:aws:secretsmanager:*", "arn:aws:s3:::bucket/*")).noneMatch(v -> v.matches(each));
    }

    @Test
    void deploymentGuidesRoutesDocumentIsReadWithoutAProblem() throws Exception {
        String page = Files.readString(ROOT.resolve("docs/deployment.md"));
        String section = page.substring(page.indexOf("## Two routes"));
        int start = section.indexOf("cat > routes.json <<EOF\n") + "cat > routes.json <<EOF\n".length();
        String document = section.substring(start, section.indexOf("\nEOF\n", start)).replace("$SLACK_ARN", SECRET);
        List<String> problems = new ArrayList<>();

        List<Route> routes = RoutesDocument.parse(document, "docs/deployment.md", problems::add);

        assertThat(problems).isEmpty();
        assertThat(routes).extracting(Route::name).containsExactly("invoices", "everything");
        assertThat(routes.get(0).fallback()).contains("everything");
    }

    private static RenderedTemplate render(Map<String, String> set) {
        return new RenderedTemplate(template, set);
    }

    /** Every resource, rendered, with the dispatcher's Environment and Policies left out. */
    private static Map<String, Object> resourcesBesidesTheDispatcher(RenderedTemplate rendered) {
        Map<String, Object> resources = new HashMap<>(map(rendered.resolve(template.section("Resources"))));
        Map<String, Object> dispatcher = new HashMap<>(map(resources.get(DISPATCHER)));
        Map<String, Object> properties = new HashMap<>(map(dispatcher.get("Properties")));
        properties.remove("Environment");
        properties.remove("Policies");
        dispatcher.put("Properties", properties);
        resources.put(DISPATCHER, dispatcher);
        return resources;
    }
}
