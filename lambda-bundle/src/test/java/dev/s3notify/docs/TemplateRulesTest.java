package dev.s3notify.docs;

import static dev.s3notify.docs.CloudFormationTemplate.list;
import static dev.s3notify.docs.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The template's Rules, evaluated as CloudFormation does before it creates anything (the functions Rules allow:
 * Equals, Not, And, Or, Contains, Ref), with the parameters' defaults and the values a case sets: what AWS would
 * refuse at deploy time is refused with a description that says what to change.
 */
class TemplateRulesTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
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

    /** The descriptions of the rules whose condition holds and whose assertions do not. */
    private static List<String> refusals(Map<String, String> set) {
        Map<String, String> parameters = new HashMap<>();
        template.section("Parameters").forEach((name, p) -> {
            Object value = map(p).get("Default");
            parameters.put(name, value == null ? "" : String.valueOf(value));
        });
        parameters.put("WebhookUrl", "https://hooks.slack.com/services/T/B/x");
        parameters.putAll(set);
        List<String> refused = new ArrayList<>();
        template.section("Rules").forEach((name, r) -> {
            Map<String, Object> rule = map(r);
            if (rule.containsKey("RuleCondition") && !truth(rule.get("RuleCondition"), parameters)) {
                return;
            }
            for (Object assertion : list(rule.get("Assertions"))) {
                if (!truth(map(assertion).get("Assert"), parameters)) {
                    refused.add(name + ": " + map(assertion).get("AssertDescription"));
                }
            }
        });
        return refused;
    }

    private static boolean truth(Object node, Map<String, String> parameters) {
        Map<String, Object> function = map(node);
        String name = function.keySet().iterator().next();
        List<Object> args = function.get(name) instanceof List<?> l ? new ArrayList<>(l) : List.of(function.get(name));
        return switch (name) {
            case "Fn::Equals" -> value(args.get(0), parameters).equals(value(args.get(1), parameters));
            case "Fn::Not" -> !truth(args.get(0), parameters);
            case "Fn::And" -> args.stream().allMatch(a -> truth(a, parameters));
            case "Fn::Or" -> args.stream().anyMatch(a -> truth(a, parameters));
            case "Fn::Contains" -> list(args.get(0)).stream().map(v -> value(v, parameters)).toList()
                    .contains(value(args.get(1), parameters));
            default -> throw new AssertionError("a function Rules do not allow: " + name);
        };
    }

    private static String value(Object node, Map<String, String> parameters) {
        if (node instanceof Map<?, ?> ref && ref.containsKey("Ref")) {
            return parameters.get(String.valueOf(ref.get("Ref")));
        }
        assertThat(node).as("Rules compare strings: a bare number would not equal a parameter's value")
                .isInstanceOf(String.class);
        return (String) node;
    }
}
