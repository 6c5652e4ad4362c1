package dev.s3notify.docs;

import static dev.s3notify.docs.CloudFormationTemplate.list;
import static dev.s3notify.docs.CloudFormationTemplate.map;
import static dev.s3notify.docs.TemplateTest.FUNCTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.spi.Variable;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The template's environment variables against the code's declarations ({@link DocumentedVariablesTest#declared()}):
 * it sets only what the code reads, on the function that reads it; a user can set everything else, or this test
 * says why not; an empty optional parameter leaves its variable unset; defaults are the code's.
 */
class TemplateVariablesTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    /** Variables the code reads that the template does not set, and why. */
    private static final Map<String, String> NOT_SETTABLE = withSdkSettings(Map.ofEntries(
            Map.entry("AWS_REGION", "set by Lambda (a reserved variable)"),
            Map.entry("AWS_ENDPOINT_URL", "for local tests and S3-compatible stores; a deployed function talks to AWS"),
            Map.entry("AWS_ENDPOINT_URL_S3", "for local tests and S3-compatible stores"),
            Map.entry("AWS_ENDPOINT_URL_EVENTBRIDGE", "for local tests"),
            Map.entry("AWS_ENDPOINT_URL_SECRETS_MANAGER", "for local tests"),
            Map.entry("AWS_ENDPOINT_URL_SSM", "for local tests"),
            Map.entry("S3_FORCE_PATH_STYLE", "for S3-compatible stores; AWS S3 is addressed virtual-hosted"),
            Map.entry("S3NOTIFY_PLUGINS_DIR", "for local runs; on Lambda, plugin jars come in layers, under /opt/java/lib"),
            Map.entry("INDEX_PREFIX", "the template's index bucket keeps the default digests/, which its lifecycle rule expires"),
            Map.entry("AWS_ENDPOINT_URL_SQS", "for local tests (ElasticMQ)"),
            Map.entry("AWS_ENDPOINT_URL_DYNAMODB", "for local tests (dynalite)"),
            Map.entry("AWS_ENDPOINT_URL_SNS", "for local tests (moto)"),
            Map.entry("ROUTES_FILE", "Routes starting with / names an SSM parameter, and a file's path starts so too;"
                    + " a routes file (in a layer, under /opt) is for functions made by hand")));
    private static CloudFormationTemplate template;

    @BeforeAll
    static void read() throws Exception {
        template = CloudFormationTemplate.read(ROOT.resolve("lambda-bundle/template.yaml"));
    }

    @Test
    void setsOnlyVariablesTheCodeReadsAndOnlyOnTheFunctionThatReadsThem() {
        Map<String, Variable<?>> declared = DocumentedVariablesTest.declared();
        Map<String, String> readBy = Map.of("LinkGeneratorFunction", "link-generator",
                "WebhookDispatcherFunction", "webhook-dispatcher");
        readBy.forEach((function, name) -> environment(function).keySet().forEach(variable -> {
            assertThat(declared).as("%s sets %s", function, variable).containsKey(variable);
            assertThat(declared.get(variable).function()).as(variable).isIn(name, "both");
        }));
    }

    @Test
    void letsUsersSetEveryVariableTheCodeReadsOrSaysWhyNot() {
        Set<String> set = new HashSet<>(environment("LinkGeneratorFunction").keySet());
        set.addAll(environment("WebhookDispatcherFunction").keySet());
        Set<String> declared = DocumentedVariablesTest.declared().keySet();

        for (String variable : declared) {
            assertThat(set.contains(variable) || NOT_SETTABLE.containsKey(variable))
                    .as("%s is read by the code but the template cannot set it", variable).isTrue();
        }
        assertThat(declared).containsAll(NOT_SETTABLE.keySet());
        assertThat(set).doesNotContainAnyElementsOf(NOT_SETTABLE.keySet());
    }

    @Test
    void leavesAVariableUnsetWhenItsParameterIsEmptyAndDefaultsAsTheCodeDoes() {
        Map<String, Variable<?>> declared = DocumentedVariablesTest.declared();
        Map<String, Object> parameters = template.section("Parameters");
        Map<String, Object> conditions = template.section("Conditions");
        for (String function : FUNCTIONS.keySet()) {
            environment(function).forEach((variable, value) -> {
                Map<String, Object> v = map(value);
                if (v.containsKey("Ref")) {
                    Object dflt = map(parameters.get(v.get("Ref"))).get("Default");
                    assertThat(String.valueOf(dflt)).as("default of %s", variable)
                            .isEqualTo(declared.get(variable).defaultValue());
                    return;
                }
                List<Object> choice = list(v.get("Fn::If"));
                if (variable.equals("LINK_SIGNING_SECRET_ARN") && function.equals("WebhookDispatcherFunction")) {
                    assertThat(choice).as("the signing user's key, which the template grants the index pages")
                            .isEqualTo(List.of("SignsIndexPages", Map.of("Ref", "LinkSigningKeySecret"),
                                    Map.of("Ref", "AWS::NoValue")));
                    return;
                }
                if (variable.equals("LINK_SIGNING_SECRET_ARN")) {
                    assertThat(choice).as("the secret given, else the signing user's, else unset").isEqualTo(List.of(
                            "HasSigningSecret", Map.of("Fn::If", List.of("HasLinkSigningSecret",
                                    Map.of("Ref", "LinkSigningSecretArn"), Map.of("Ref", "LinkSigningKeySecret"))),
                            Map.of("Ref", "AWS::NoValue")));
                    return;
                }
                if (variable.startsWith("ROUTES")) {
                    assertThat(choice).as("Routes, when it is the document (ROUTES) or a parameter's name").isEqualTo(
                            List.of(variable.equals("ROUTES") ? "HasInlineRoutes" : "HasRoutesParameter",
                                    Map.of("Ref", "Routes"), Map.of("Ref", "AWS::NoValue")));
                    return;
                }
                assertThat(choice).as("%s is a parameter, or unset when its parameter is empty", variable).hasSize(3);
                if ("ViaQueue".equals(choice.get(0))) {
                    // The queue path's resources, named to the dispatcher only when DispatchVia=queue creates them.
                    Object resource = map(choice.get(1)).get("Ref");
                    assertThat(map(template.section("Resources").get(resource))).as(variable)
                            .containsEntry("Condition", "ViaQueue");
                    assertThat(choice.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
                    return;
                }
                Object parameter = map(choice.get(1)).get("Ref");
                assertThat(choice.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
                assertThat(conditions.get(choice.get(0))).isEqualTo(Map.of("Fn::Not",
                        List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", parameter), "")))));
                assertThat(map(parameters.get(parameter)).get("Default")).as(variable).isEqualTo("");
            });
        }
        assertThat(map(parameters.get("WebhookUrl")).get("NoEcho")).isEqualTo(true);
        assertThat(map(parameters.get("WebhookHeaders")).get("NoEcho")).isEqualTo(true);
        assertThat(map(parameters.get("WebhookSigningSecret")).get("NoEcho")).isEqualTo(true);
    }

    private static Map<String, Object> environment(String function) {
        return template.environment(function);
    }

    /** The AWS SDK's own settings the code reads (Map.of takes at most ten pairs). */
    private static Map<String, String> withSdkSettings(Map<String, String> others) {
        Map<String, String> all = new java.util.HashMap<>(others);
        all.put("AWS_PROFILE", "for the command line; a Lambda function signs with its role");
        all.put("AWS_USE_FIPS_ENDPOINT", "an SDK setting; set it on the function when the account needs FIPS"
                + " endpoints (see docs/configuration.md)");
        all.put("AWS_USE_DUALSTACK_ENDPOINT", "an SDK setting; set it on the function when links must be reachable"
                + " over IPv6 (see docs/configuration.md)");
        return Map.copyOf(all);
    }
}
