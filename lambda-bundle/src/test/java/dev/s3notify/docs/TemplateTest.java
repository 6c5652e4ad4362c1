package dev.s3notify.docs;

import static dev.s3notify.docs.CloudFormationTemplate.list;
import static dev.s3notify.docs.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * lambda-bundle/template.yaml against the bundle: the handlers exist, every variable it sets is read by the code
 * (and every one the code reads can be set), SnapStart goes through the alias, dead letters are wired, and the IAM
 * policies name actions and resources. What SAM and CloudFormation would refuse outright is checked here too: every
 * reference resolves, every resource type is known. ({@link TemplateLintTest} runs cfn-lint when it is installed.)
 */
class TemplateTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    static final Map<String, String> FUNCTIONS = Map.of(
            "LinkGeneratorFunction", "dev.s3notify.lambda.LinkGeneratorHandler",
            "WebhookDispatcherFunction", "dev.s3notify.lambda.WebhookDispatcherHandler");
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
            assertThat(p).containsEntry("CodeUri", "target/s3-notify-lambda.jar").containsEntry("Runtime", "java21")
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
        List<String> invoking = new ArrayList<>();
        for (String rule : template.ofType("AWS::Events::Rule")) {
            for (Object target : list(template.properties(rule).get("Targets"))) {
                Object arn = map(target).get("Arn");
                if (arn.equals(Map.of("Fn::GetAtt", List.of("LinkEventQueue", "Arn")))) {
                    continue; // the queue path: the event source mapping invokes the alias
                }
                assertThat(aliases).contains(arn);
                invoking.add(rule);
            }
        }
        assertThat(template.properties("LinkEventQueueMapping").get("FunctionName"))
                .isEqualTo(Map.of("Ref", "WebhookDispatcherFunction.Alias"));
        for (String permission : template.ofType("AWS::Lambda::Permission")) {
            Map<String, Object> p = template.properties(permission);
            assertThat(aliases).contains(p.get("FunctionName"));
            assertThat(p).containsEntry("Principal", "events.amazonaws.com");
            assertThat(template.ofType("AWS::Events::Rule").stream().<Object>map(r -> Map.of("Fn::GetAtt", List.of(r, "Arn"))))
                    .contains(p.get("SourceArn"));
        }
        assertThat(template.ofType("AWS::Lambda::Permission")).hasSameSizeAs(invoking);
    }

    @Test
    void sendsWhatCannotBeDoneToADeadLetterQueueEventBridgeMayWriteTo() {
        List<Object> queueArns = template.ofType("AWS::SQS::Queue").stream()
                .<Object>map(q -> Map.of("Fn::GetAtt", List.of(q, "Arn"))).toList();
        List<Object> grants = new ArrayList<>();
        for (String policy : template.ofType("AWS::SQS::QueuePolicy")) {
            for (Object statement : list(map(template.properties(policy).get("PolicyDocument")).get("Statement"))) {
                // A statement only one DispatchVia needs: !If [condition, statement, AWS::NoValue].
                grants.add(map(statement).containsKey("Fn::If") ? list(map(statement).get("Fn::If")).get(1)
                        : statement);
            }
        }
        List<String> rules = template.ofType("AWS::Events::Rule");
        assertThat(rules).hasSize(3);
        for (String rule : rules) {
            for (Object target : list(template.properties(rule).get("Targets"))) {
                Object dlq = map(map(target).get("DeadLetterConfig")).get("Arn");
                assertThat(queueArns).contains(dlq);
                assertThat(map(map(target).get("RetryPolicy"))).containsKeys("MaximumRetryAttempts",
                        "MaximumEventAgeInSeconds");
                Map<String, Object> grant = grants.stream().map(CloudFormationTemplate::map)
                        .filter(g -> dlq.equals(g.get("Resource")) && String.valueOf(g.get("Condition"))
                                .contains("[" + rule + ", Arn]")).findFirst().orElseThrow();
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
        template.ofType("AWS::IAM::Policy").forEach(p -> collectStatements(template.properties(p), statements));
        template.ofType("AWS::IAM::User").forEach(u -> collectStatements(template.properties(u), statements));

        assertThat(statements).hasSizeGreaterThanOrEqualTo(6);
        for (Map<String, Object> statement : statements) {
            for (Object action : statement.get("Action") instanceof List<?> l ? l : List.of(statement.get("Action"))) {
                assertThat(String.valueOf(action)).as("action").doesNotContain("*").contains(":");
            }
            assertThat(statement.get("Resource")).as("resource of %s", statement.get("Sid")).isNotNull()
                    .isNotEqualTo("*");
        }
        assertThat(statements).extracting(s -> s.get("Action")).contains("s3:GetObject", "events:PutEvents",
                "secretsmanager:GetSecretValue", "ssm:GetParameter",
                List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:UpdateItem"));
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
        assertThat(template.ofType("AWS::S3::Bucket")).containsExactly("UploadBucket", "DigestIndexBucket");
        assertThat(template.resource("UploadBucket").get("Condition")).isEqualTo("CreateBucket");
        assertThat(template.section("Conditions").get("CreateBucket")).isEqualTo(
                Map.of("Fn::Equals", List.of(Map.of("Ref", "ExistingBucketName"), "")));
        assertThat(map(template.properties("UploadBucket").get("NotificationConfiguration")))
                .isEqualTo(Map.of("EventBridgeConfiguration", Map.of("EventBridgeEnabled", true)));
        Map<String, Object> pattern = map(template.properties("ObjectCreatedRule").get("EventPattern"));
        assertThat(pattern).containsEntry("source", List.of("aws.s3"))
                .containsEntry("detail-type", Map.of("Ref", "EventTypes"));
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
            if (queue.equals("LinkEventQueue")) {
                continue; // not a dead-letter queue: messages wait there by design; its dead letters are alarmed
            }
            assertThat(watched).contains("ApproximateNumberOfMessagesVisible " + Map.of("Fn::GetAtt",
                    List.of(queue, "QueueName")));
        }
        for (String function : FUNCTIONS.keySet()) {
            assertThat(watched).contains("Errors " + Map.of("Ref", function));
        }
    }

    private static Map<String, Object> environment(String function) {
        return template.environment(function);
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
