package dev.s3notify.docs;

import static dev.s3notify.docs.CloudFormationTemplate.list;
import static dev.s3notify.docs.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The queue path of the template (DispatchVia=queue), and the direct path kept beside it. */
class TemplateQueueTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    private static final List<String> QUEUE_RESOURCES = List.of("LinkEventQueue", "LinkEventQueuePolicy",
            "FileLinkQueueRule", "LinkEventQueueMapping", "DeliveryRecordsTable", "DigestIndexBucket",
            "WebhookDispatcherQueuePolicy");
    private static CloudFormationTemplate template;

    @BeforeAll
    static void read() throws Exception {
        template = CloudFormationTemplate.read(ROOT.resolve("lambda-bundle/template.yaml"));
    }

    private static Object parameterDefault(String name) {
        return map(template.section("Parameters").get(name)).get("Default");
    }

    @Test
    void choosesBetweenTheQueueAndTheDirectInvocationWithOneParameter() {
        assertThat(map(template.section("Parameters").get("DispatchVia"))).containsEntry("Default", "queue")
                .containsEntry("AllowedValues", List.of("queue", "direct"));
        QUEUE_RESOURCES.forEach(id -> assertThat(template.resource(id).get("Condition")).as(id)
                .isEqualTo("ViaQueue"));
        assertThat(template.resource("FileLinkGeneratedRule").get("Condition")).isEqualTo("ViaDirect");
        assertThat(template.resource("FileLinkGeneratedRulePermission").get("Condition")).isEqualTo("ViaDirect");
        assertThat(map(template.properties("FileLinkQueueRule").get("EventPattern")))
                .isEqualTo(map(template.properties("FileLinkGeneratedRule").get("EventPattern")));
    }

    @Test
    void consumesTheQueueInBatchesReportingItemFailuresWithinTheConcurrencyThePacingAssumes() {
        Map<String, Object> mapping = template.properties("LinkEventQueueMapping");

        assertThat(mapping).containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
                .containsEntry("MaximumBatchingWindowInSeconds", Map.of("Fn::If", List.of("HasDigestWindow", 1, 0)))
                .containsEntry("BatchSize", Map.of("Ref", "DispatchBatchSize"))
                .containsEntry("ScalingConfig", Map.of("MaximumConcurrency",
                        Map.of("Ref", "DispatchMaximumConcurrency")));
        assertThat(map(template.section("Parameters").get("DispatchMaximumConcurrency")).get("MinValue"))
                .isEqualTo(2);
        assertThat(template.environment("WebhookDispatcherFunction")).containsEntry("DISPATCH_CONCURRENCY",
                Map.of("Ref", "DispatchMaximumConcurrency"));
        assertThat((Integer) parameterDefault("DigestWindowSeconds")).isBetween(1, 60);
        // The digest window is the function's: the mapping's batching window stays short, for the lone upload.
        assertThat(template.environment("WebhookDispatcherFunction")).containsEntry("DIGEST_WINDOW_SECONDS",
                Map.of("Ref", "DigestWindowSeconds"));
    }

    @Test
    void hidesABatchLongerThanSixFunctionTimeoutsAndDeadLettersOnlyAfterManyReceives() {
        Map<String, Object> queue = template.properties("LinkEventQueue");

        assertThat(queue.get("VisibilityTimeout")).isEqualTo(Map.of("Ref", "QueueVisibilityTimeout"));
        assertThat((Integer) parameterDefault("QueueVisibilityTimeout"))
                .isGreaterThanOrEqualTo(6 * (Integer) parameterDefault("WebhookDispatcherTimeout"));
        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
        assertThat(redrive).containsEntry("deadLetterTargetArn",
                Map.of("Fn::GetAtt", List.of("WebhookDispatcherDeadLetterQueue", "Arn")))
                .containsEntry("maxReceiveCount", Map.of("Ref", "QueueMaxReceiveCount"));
        assertThat((Integer) parameterDefault("QueueMaxReceiveCount")).isGreaterThanOrEqualTo(20);
    }

    @Test
    void keepsDeliveryRecordsInAnOnDemandTableWithATimeToLive() {
        Map<String, Object> table = template.properties("DeliveryRecordsTable");

        assertThat(table).containsEntry("BillingMode", "PAY_PER_REQUEST")
                .containsEntry("KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH")))
                .containsEntry("TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true));
        assertThat(template.environment("WebhookDispatcherFunction")).containsEntry("IDEMPOTENCY_TABLE",
                Map.of("Fn::If", List.of("ViaQueue", Map.of("Ref", "DeliveryRecordsTable"),
                        Map.of("Ref", "AWS::NoValue"))));
    }

    @Test
    void writesIndexPagesToAPrivateBucketThatForgetsThemOnceTheirLinksHaveExpired() {
        Map<String, Object> bucket = template.properties("DigestIndexBucket");
        Map<String, Object> rule = map(list(map(bucket.get("LifecycleConfiguration")).get("Rules")).get(0));

        assertThat(rule).containsEntry("Prefix", "digests/").containsEntry("Status", "Enabled");
        assertThat((Integer) rule.get("ExpirationInDays")).isGreaterThan(7);
        assertThat(map(bucket.get("PublicAccessBlockConfiguration")).values()).containsOnly(true);
    }

    @Test
    void grantsTheDispatcherOnlyConditionalRecordWritesTheQueueAndTheIndexPrefix() {
        List<Object> statements = new ArrayList<>(list(map(template.properties("WebhookDispatcherQueuePolicy")
                .get("PolicyDocument")).get("Statement")));
        Map<String, Object> bySid = new java.util.HashMap<>();
        statements.forEach(s -> bySid.put(String.valueOf(map(s).get("Sid")), s));

        assertThat(map(bySid.get("DeliveryRecords")).get("Action")).isEqualTo(List.of("dynamodb:PutItem",
                "dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:UpdateItem"));
        assertThat(map(bySid.get("DeliveryRecords")).get("Resource"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("DeliveryRecordsTable", "Arn")));
        assertThat(map(bySid.get("WriteAndLinkIndexPages")).get("Resource"))
                .isEqualTo(Map.of("Fn::Sub", "${DigestIndexBucket.Arn}/digests/*"));
        assertThat(list(map(bySid.get("ConsumeLinkEventQueue")).get("Action")))
                .contains("sqs:ChangeMessageVisibility", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                        "sqs:GetQueueAttributes");
        assertThat(list(map(bySid.get("ParkRefusedMessages")).get("Action")))
                .containsExactly("sqs:SendMessage", "sqs:GetQueueUrl");
        assertThat(String.valueOf(map(bySid.get("ParkRefusedMessages")).get("Resource")))
                .contains("WebhookDispatcherDeadLetterQueue");
        assertThat(template.properties("WebhookDispatcherQueuePolicy").get("Roles"))
                .isEqualTo(List.of(Map.of("Ref", "WebhookDispatcherFunctionRole")));
    }
}
