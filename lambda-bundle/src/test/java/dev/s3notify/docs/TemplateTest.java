package dev.s3notify.docs;

import static dev.s3notify.docs.CloudFormationTemplate.list;
import static dev.s3notify.docs.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.s3notify.core.Variable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * lambda-bundle/template.yaml against the bundle: the handlers exist, every variable it sets is read by the code
 * (and every one the code reads can be set), SnapStart goes through the alias, dead letters are wired, and the IAM
 * policies name actions and resources. What SAM and CloudFormation would refuse outright is checked here too: every
 * reference resolves, every resource type is known. (cfn-lint, which is not on Maven Central, passes it as well.)
 */
class TemplateTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    private static final Map<String, String> FUNCTIONS = Map.of(
            "LinkGeneratorFunction", "dev.s3notify.lambda.LinkGeneratorHandler",
            "WebhookDispatcherFunction", "dev.s3notify.lambda.WebhookDispatcherHandler");
    /** Variables the code reads that the template does not set, and why. */
    private static final Map<String, String> NOT_SETTABLE = Map.of(
            "AWS_REGION", "set by Lambda (a reserved variable)",
            "AWS_ENDPOINT_URL", "for local tests and S3-compatible stores; a deployed function talks to AWS",
            "AWS_ENDPOINT_URL_S3", "for local tests and S3-compatible stores",
            "AWS_ENDPOINT_URL_EVENTBRIDGE", "for local tests",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER", "for local tests",
            "AWS_ENDPOINT_URL_SSM", "for local tests",
            "S3_FORCE_PATH_STYLE", "for S3-compatible stores; AWS S3 is addressed virtual-hosted");
    private static CloudFormationTemplate template;

    @BeforeAll
    static void read() throws Exception {
        template = CloudFormationTemplate.read(ROOT.resolve("lambda-bundle/template.yaml"));
    }

    @Test
    void runsTheBundlesHandlersFromTheShadedJarOnJava21Arm64() throws Exception {
        assertThat(template.get("Transform")).isEqualTo("AWS::Serverless-2016-10-31");
        assertThat(template.ofType("AWS::Serverless::Function")).containsExactlyInAnyOrderElementsOf(
                FUNCTIONS.keySet());
        assertThat(Files.readString(ROOT.resolve("lambda-bundle/pom.xml"))).contains("<finalName>s3-notify</finalName>");
        for (var function : FUNCTIONS.entrySet()) {
            Map<String, Object> p = template.properties(function.getKey());
            assertThat(p.get("Handler")).isEqualTo(function.getValue() + "::handleRequest");
            Class<?> handler = Class.forName(function.getValue());
            assertThat(handler).isPublic().isAssignableTo(RequestStreamHandler.class)
                    .isAssignableTo(org.crac.Resource.class);
            assertThat(handler.getConstructor()).isNotNull();
            assertThat(template.resource(function.getKey()).get("Metadata")).isEqualTo(Map.of("SkipBuild", true));
            assertThat(p).containsEntry("CodeUri", "target/s3-notify.jar").containsEntry("Runtime", "java21")
                    .containsEntry("Architectures", List.of("arm64"));
        }
    }

    @Test
    void publishesSnapStartVersionsAndLetsEventBridgeInvokeOnlyTheAlias() {
        for (String function : FUNCTIONS.keySet()) {
            Map<String, Object> p = template.properties(function);
            assertThat(p.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
            assertThat(p.get("AutoPublishAlias")).isEqualTo("live");
        }
        List<Object> aliases = FUNCTIONS.keySet().stream().<Object>map(f -> Map.of("Ref", f + ".Alias")).toList();
        for (String rule : template.ofType("AWS::Events::Rule")) {
            for (Object target : list(template.properties(rule).get("Targets"))) {
                assertThat(aliases).contains(map(target).get("Arn"));
            }
        }
        for (String permission : template.ofType("AWS::Lambda::Permission")) {
            Map<String, Object> p = template.properties(permission);
            assertThat(aliases).contains(p.get("FunctionName"));
            assertThat(p).containsEntry("Principal", "events.amazonaws.com");
            assertThat(template.ofType("AWS::Events::Rule").stream().<Object>map(r -> Map.of("Fn::GetAtt", List.of(r, "Arn"))))
                    .contains(p.get("SourceArn"));
        }
        assertThat(template.ofType("AWS::Lambda::Permission")).hasSameSizeAs(template.ofType("AWS::Events::Rule"));
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
                assertThat(choice).as("%s is a parameter, or unset when its parameter is empty", variable).hasSize(3);
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

    @Test
    void sendsWhatCannotBeDoneToADeadLetterQueueEventBridgeMayWriteTo() {
        List<Object> queueArns = template.ofType("AWS::SQS::Queue").stream()
                .<Object>map(q -> Map.of("Fn::GetAtt", List.of(q, "Arn"))).toList();
        List<Object> grants = new ArrayList<>();
        for (String policy : template.ofType("AWS::SQS::QueuePolicy")) {
            grants.addAll(list(map(template.properties(policy).get("PolicyDocument")).get("Statement")));
        }
        List<String> rules = template.ofType("AWS::Events::Rule");
        assertThat(rules).hasSize(2);
        for (String rule : rules) {
            for (Object target : list(template.properties(rule).get("Targets"))) {
                Object dlq = map(map(target).get("DeadLetterConfig")).get("Arn");
                assertThat(queueArns).contains(dlq);
                assertThat(map(map(target).get("RetryPolicy"))).containsKeys("MaximumRetryAttempts",
                        "MaximumEventAgeInSeconds");
                Map<String, Object> grant = grants.stream().map(CloudFormationTemplate::map)
                        .filter(g -> dlq.equals(g.get("Resource"))).findFirst().orElseThrow();
                assertThat(grant).as("events.amazonaws.com may send %s's dead letters", rule)
                        .containsEntry("Effect", "Allow")
                        .containsEntry("Principal", Map.of("Service", "events.amazonaws.com"))
                        .containsEntry("Action", "sqs:SendMessage")
                        .containsEntry("Condition", Map.of("ArnEquals", Map.of("aws:SourceArn",
                                Map.of("Fn::GetAtt", List.of(rule, "Arn")))));
            }
        }
        for (String function : FUNCTIONS.keySet()) {
            Map<String, Object> invoke = map(template.properties(function).get("EventInvokeConfig"));
            assertThat(invoke).containsKeys("MaximumRetryAttempts", "MaximumEventAgeInSeconds");
            Map<String, Object> onFailure = map(map(invoke.get("DestinationConfig")).get("OnFailure"));
            assertThat(onFailure.get("Type")).isEqualTo("SQS");
            assertThat(queueArns).contains(onFailure.get("Destination"));
        }
    }

    @Test
    void grantsNamedActionsOnNamedResourcesOnly() {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (String function : FUNCTIONS.keySet()) {
            collectStatements(template.properties(function).get("Policies"), statements);
        }
        template.ofType("AWS::SQS::QueuePolicy").forEach(p -> collectStatements(template.properties(p), statements));

        assertThat(statements).hasSizeGreaterThanOrEqualTo(6);
        for (Map<String, Object> statement : statements) {
            for (Object action : statement.get("Action") instanceof List<?> l ? l : List.of(statement.get("Action"))) {
                assertThat(String.valueOf(action)).as("action").doesNotContain("*").contains(":");
            }
            assertThat(statement.get("Resource")).as("resource of %s", statement.get("Sid")).isNotNull()
                    .isNotEqualTo("*");
        }
        assertThat(statements).extracting(s -> s.get("Action")).contains("s3:GetObject", "events:PutEvents",
                "secretsmanager:GetSecretValue", "ssm:GetParameter");
    }

    @Test
    void logsJsonToItsOwnGroupWithRetention() {
        for (String function : FUNCTIONS.keySet()) {
            Map<String, Object> logging = map(template.properties(function).get("LoggingConfig"));
            assertThat(logging.get("LogFormat")).isEqualTo("JSON");
            String group = String.valueOf(map(logging.get("LogGroup")).get("Ref"));
            assertThat(template.resource(group).get("Type")).isEqualTo("AWS::Logs::LogGroup");
            assertThat(template.properties(group).get("RetentionInDays")).isEqualTo(Map.of("Ref", "LogRetentionDays"));
        }
    }

    @Test
    void createsABucketWithEventBridgeNotificationsOnlyWhenNoneIsNamed() {
        assertThat(template.ofType("AWS::S3::Bucket")).containsExactly("UploadBucket");
        assertThat(template.resource("UploadBucket").get("Condition")).isEqualTo("CreateBucket");
        assertThat(template.section("Conditions").get("CreateBucket")).isEqualTo(
                Map.of("Fn::Equals", List.of(Map.of("Ref", "ExistingBucketName"), "")));
        assertThat(map(template.properties("UploadBucket").get("NotificationConfiguration")))
                .isEqualTo(Map.of("EventBridgeConfiguration", Map.of("EventBridgeEnabled", true)));
        Map<String, Object> pattern = map(template.properties("ObjectCreatedRule").get("EventPattern"));
        assertThat(pattern).containsEntry("source", List.of("aws.s3"))
                .containsEntry("detail-type", List.of("Object Created"));
        Map<String, Object> links = map(template.properties("FileLinkGeneratedRule").get("EventPattern"));
        assertThat(links).containsEntry("source", List.of(Map.of("Ref", "EventSource")))
                .containsEntry("detail-type", List.of(Map.of("Ref", "EventDetailType")));
        assertThat(environment("LinkGeneratorFunction")).containsEntry("EVENT_SOURCE", Map.of("Ref", "EventSource"))
                .containsEntry("EVENT_DETAIL_TYPE", Map.of("Ref", "EventDetailType"));
    }

    @Test
    void alarmsOnEveryDeadLetterQueueAndEveryFunctionsErrors() {
        List<Object> watched = new ArrayList<>();
        for (String alarm : template.ofType("AWS::CloudWatch::Alarm")) {
            Map<String, Object> p = template.properties(alarm);
            assertThat(template.resource(alarm).get("Condition")).isEqualTo("AlarmsOn");
            assertThat(p).containsEntry("Threshold", 0).containsEntry("ComparisonOperator", "GreaterThanThreshold");
            watched.add(p.get("MetricName") + " " + map(list(p.get("Dimensions")).get(0)).get("Value"));
        }
        for (String queue : template.ofType("AWS::SQS::Queue")) {
            assertThat(watched).contains("ApproximateNumberOfMessagesVisible " + Map.of("Fn::GetAtt",
                    List.of(queue, "QueueName")));
        }
        for (String function : FUNCTIONS.keySet()) {
            assertThat(watched).contains("Errors " + Map.of("Ref", function));
        }
    }

    private static Map<String, Object> environment(String function) {
        return map(map(template.properties(function).get("Environment")).get("Variables"));
    }

    /** Statements anywhere below {@code node}, the branches of {@code Fn::If} included. */
    private static void collectStatements(Object node, List<Map<String, Object>> into) {
        if (node instanceof Map<?, ?> m) {
            if (m.containsKey("Effect")) {
                into.add(map(m));
                return;
            }
            m.values().forEach(v -> collectStatements(v, into));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectStatements(v, into));
        }
    }
}
