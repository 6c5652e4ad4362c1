package dev.s3notify.docs;

import static dev.s3notify.docs.CloudFormationTemplate.list;
import static dev.s3notify.docs.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The template's Rules, evaluated as CloudFormation does before it creates anything (the functions Rules allow:
 * Equals, Not, And, Or, Contains, Ref), with the parameters' defaults, WebhookUrl set, and the values a case sets:
 * what AWS would refuse at deploy time is refused with a description that says what to change.
 */
class TemplateRulesTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    /** The functions Rules may use, those {@link RenderedTemplate} evaluates. */
    private static final Set<String> RULE_FUNCTIONS = Set.of("Ref", "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or",
            "Fn::Contains");
    private static CloudFormationTemplate template;

    @BeforeAll
    static void read() throws Exception {
        template = CloudFormationTemplate.read(ROOT.resolve("lambda-bundle/template.yaml"));
    }

    @Test
    void acceptsTheDefaults() {
        assertThat(refusals(Map.of())).isEmpty();
    }

    @ParameterizedTest(name = "DigestWindowSeconds={0} DispatchBatchSize={1} DispatchVia={2}: {3}")
    @CsvSource({"0, 11, queue, refused", "0, 1000, queue, refused", "0, 10, queue, accepted", "1, 10000, queue, accepted",
        "0, 1000, direct, accepted", "20, 1000, queue, accepted"})
    void refusesNoBatchingWindowForBatchesOverTen(String window, String batch, String via, String verdict) {
        List<String> refusals = refusals(Map.of("DigestWindowSeconds", window, "DispatchBatchSize", batch,
                "DispatchVia", via));

        if (verdict.equals("refused")) {
            assertThat(refusals).singleElement().asString().contains("DigestWindowSeconds 0 allows a DispatchBatchSize"
                    + " of at most 10").contains("set DigestWindowSeconds to 1 or more");
        } else {
            assertThat(refusals).isEmpty();
        }
    }

    @ParameterizedTest(name = "QueueVisibilityTimeout={0} WebhookDispatcherTimeout={1}: {2}")
    @CsvSource({"30, 60, at least WebhookDispatcherTimeout (60 s)", "59, 60, at least WebhookDispatcherTimeout (60 s)",
        "360, 361, WebhookDispatcherTimeout over 360 s needs QueueVisibilityTimeout raised",
        "360, 900, WebhookDispatcherTimeout over 360 s needs QueueVisibilityTimeout raised"})
    void refusesAQueueVisibilityBelowTheFunctionTimeoutWhenEitherKeepsItsDefault(String visibility, String timeout,
            String description) {
        assertThat(refusals(Map.of("QueueVisibilityTimeout", visibility, "WebhookDispatcherTimeout", timeout)))
                .singleElement().asString().contains(description).contains("or AWS refuses");
    }

    @ParameterizedTest(name = "QueueVisibilityTimeout={0} WebhookDispatcherTimeout={1} DispatchVia={2}")
    @CsvSource({"60, 60, queue", "30, 30, queue", "360, 360, queue", "5400, 900, queue", "30, 60, direct",
        "360, 900, direct"})
    void acceptsAQueueVisibilityThatOutlastsTheFunctionOrNoQueue(String visibility, String timeout, String via) {
        assertThat(refusals(Map.of("QueueVisibilityTimeout", visibility, "WebhookDispatcherTimeout", timeout,
                "DispatchVia", via))).isEmpty();
    }

    @ParameterizedTest(name = "Routes={0}")
    @ValueSource(strings = {"/s3notify/routes", "[{\"name\":\"all\",\"urlParameter\":\"/s3notify/webhooks/all\"}]",
        "{\"routes\":[{\"name\":\"all\",\"url\":\"https://hooks.slack.com/services/T/B/x\"}]}"})
    void acceptsRoutesInsteadOfAWebhookUrl(String routes) {
        assertThat(refusals(Map.of("Routes", routes, "WebhookUrl", ""))).isEmpty();
    }

    @ParameterizedTest(name = "Routes with {0}")
    @CsvSource({"WebhookUrl, https://hooks.slack.com/services/T/B/x",
        "WebhookUrlSecretArn, arn:aws:secretsmanager:eu-west-1:123456789012:secret:hook-AbCdEf",
        "WebhookUrlParameter, /s3notify/webhook", "WebhookKind, slack", "MessageTemplate, '{{fileName}}'",
        "DigestTemplate, '{{count}} files'"})
    void refusesRoutesTogetherWithWhatEachRouteSaysItself(String parameter, String value) {
        for (String routes : List.of("/s3notify/routes", "[{\"name\":\"all\",\"url\":\"https://example.com/h\"}]")) {
            Map<String, String> set = new HashMap<>(Map.of("Routes", routes, "WebhookUrl", ""));
            set.put(parameter, value);

            assertThat(refusals(set)).as(routes).singleElement().asString().startsWith("RoutesHaveTheirOwnWebhooks:")
                    .contains("With Routes, leave WebhookUrl, WebhookUrlSecretArn, WebhookUrlParameter, WebhookKind,"
                            + " MessageTemplate and DigestTemplate empty");
        }
    }

    @ParameterizedTest(name = "WebhookUrl={0} WebhookUrlSecretArn={1} WebhookUrlParameter={2}")
    @CsvSource({"'', '', ''", "https://hooks.slack.com/services/T/B/x, arn:aws:secretsmanager:eu-west-1:123456789012:secret:h-AbCdEf, ''",
        "https://hooks.slack.com/services/T/B/x, '', /s3notify/webhook"})
    void refusesAnythingButExactlyOneWebhookUrlSourceWithoutRoutes(String url, String secret, String parameter) {
        assertThat(refusals(Map.of("WebhookUrl", url, "WebhookUrlSecretArn", secret, "WebhookUrlParameter", parameter)))
                .singleElement().asString().startsWith("ExactlyOneWebhookUrlSource:")
                .contains("Set exactly one of WebhookUrl, WebhookUrlSecretArn and WebhookUrlParameter");
    }

    @Test
    void waitsForTheQueueGrantsBeforeMappingTheQueueToTheFunction() {
        assertThat(template.resource("LinkEventQueueMapping").get("DependsOn"))
                .isEqualTo(List.of("WebhookDispatcherQueuePolicy", "LinkEventQueuePolicy"));
    }

    @Test
    void keepsTheIndexBucketWhenTheStackIsDeletedAsTheUploadBucket() {
        for (String bucket : List.of("DigestIndexBucket", "UploadBucket")) {
            assertThat(template.resource(bucket)).as(bucket).containsEntry("DeletionPolicy", "Retain")
                    .containsEntry("UpdateReplacePolicy", "Retain");
        }
    }

    @Test
    void usesOnlyTheFunctionsRulesAllow() {
        CloudFormationTemplate.intrinsics(template.get("Rules"), (function, argument) ->
                assertThat(function).as("a function Rules allow").isIn(RULE_FUNCTIONS));
    }

    /** The descriptions of the rules whose condition holds and whose assertions do not. */
    private static List<String> refusals(Map<String, String> set) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("WebhookUrl", "https://hooks.slack.com/services/T/B/x");
        parameters.putAll(set);
        RenderedTemplate rendered = new RenderedTemplate(template, parameters);
        List<String> refused = new ArrayList<>();
        template.section("Rules").forEach((name, r) -> {
            Map<String, Object> rule = map(r);
            if (rule.containsKey("RuleCondition") && !rendered.holds(rule.get("RuleCondition"))) {
                return;
            }
            for (Object assertion : list(rule.get("Assertions"))) {
                if (!rendered.holds(map(assertion).get("Assert"))) {
                    refused.add(name + ": " + map(assertion).get("AssertDescription"));
                }
            }
        });
        return refused;
    }
}
