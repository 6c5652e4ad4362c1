package dev.s3notify.docs;

import static dev.s3notify.docs.CloudFormationTemplate.list;
import static dev.s3notify.docs.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.plugins.LinkGenerators;
import dev.s3notify.core.plugins.WebhookFormatters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The template's choices against the code: which S3 events are announced, which kinds (plugins included) and
 * layers a stack may use, who signs links, and what happens to stateful resources when the stack goes.
 */
class TemplateChoicesTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CloudFormationTemplate template;

    @BeforeAll
    static void read() throws Exception {
        template = CloudFormationTemplate.read(ROOT.resolve("lambda-bundle/template.yaml"));
    }

    @Test
    void offersEveryEventTypeOfTheShippedExamplesAndAnnouncesThemAllByDefault() throws IOException {
        Map<String, Object> eventTypes = parameter("EventTypes");
        TreeSet<String> examples = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("docs/examples"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("eventbridge-")).toList()) {
                examples.add(JSON.readTree(file.toFile()).path("detail-type").asText());
            }
        }

        assertThat(eventTypes.get("Type")).isEqualTo("CommaDelimitedList");
        assertThat(new TreeSet<>(list(eventTypes.get("AllowedValues")))).isEqualTo(new TreeSet<Object>(examples))
                .contains("Object Created", "Object Deleted", "Object Restore Completed");
        assertThat(List.of(String.valueOf(eventTypes.get("Default")).split(","))).containsExactlyInAnyOrderElementsOf(
                examples);
    }

    @Test
    void acceptsAnyKindAPluginMayDeclareButNotJunk() {
        List<String> kinds = new ArrayList<>(WebhookFormatters.load(getClass().getClassLoader()).kinds());
        kinds.addAll(LinkGenerators.load(getClass().getClassLoader()).kinds());
        kinds.add("rocketchat");
        for (String parameter : List.of("WebhookKind", "LinkKind")) {
            Map<String, Object> p = parameter(parameter);
            assertThat(p).as(parameter).doesNotContainKey("AllowedValues");
            String pattern = String.valueOf(p.get("AllowedPattern"));
            assertThat(kinds).as(parameter).allMatch(kind -> kind.matches(pattern));
            assertThat(List.of("two words", "../etc", "kind;rm", "-x")).as(parameter).noneMatch(k -> k.matches(pattern));
        }
        assertThat("").matches(String.valueOf(parameter("WebhookKind").get("AllowedPattern")));
        assertThat("").doesNotMatch(String.valueOf(parameter("LinkKind").get("AllowedPattern")));
    }

    @Test
    void attachesTheLayersToBothFunctionsOnlyWhenSomeAreGiven() {
        assertThat(parameter("Layers")).containsEntry("Type", "CommaDelimitedList").containsEntry("Default", "");
        for (String function : TemplateTest.FUNCTIONS.keySet()) {
            assertThat(template.properties(function).get("Layers")).as(function).isEqualTo(Map.of("Fn::If",
                    List.of("HasLayers", Map.of("Ref", "Layers"), Map.of("Ref", "AWS::NoValue"))));
        }
    }

    @Test
    void signingUserMayOnlyReadTheAnnouncedObjectsAndOnlyTheLinkGeneratorReadsItsKey() throws IOException {
        assertThat(parameter("LinkSigning")).containsEntry("Default", "signing-user")
                .containsEntry("AllowedValues", List.of("signing-user", "role"));
        for (String id : List.of("LinkSigningUser", "LinkSigningAccessKey", "LinkSigningKeySecret")) {
            assertThat(template.resource(id).get("Condition")).as(id).isEqualTo("CreateSigningUser");
        }
        List<Object> statements = list(map(map(list(template.properties("LinkSigningUser").get("Policies")).get(0))
                .get("PolicyDocument")).get("Statement"));
        assertThat(statements).hasSize(2);
        // The digest index pages, on the queue path only: the dispatcher signs their links with this key too.
        assertThat(statements.get(1)).isEqualTo(Map.of("Fn::If", List.of("ViaQueue", Map.of("Sid",
                "GetDigestIndexPages", "Effect", "Allow", "Action", "s3:GetObject", "Resource",
                Map.of("Fn::Sub", "${DigestIndexBucket.Arn}/digests/*")), Map.of("Ref", "AWS::NoValue"))));
        Map<String, Object> statement = map(statements.get(0));
        assertThat(statement).containsEntry("Effect", "Allow").containsEntry("Action", "s3:GetObject");
        assertThat(String.valueOf(list(map(statement.get("Resource")).get("Fn::Sub")).get(0)))
                .isEqualTo("arn:${AWS::Partition}:s3:::${Bucket}/${KeyPrefix}*");
        assertThat(template.properties("LinkSigningAccessKey")).containsEntry("UserName", Map.of("Ref",
                "LinkSigningUser")).containsEntry("Serial", Map.of("Ref", "LinkSigningKeySerial"));

        String secret = String.valueOf(map(template.properties("LinkSigningKeySecret").get("SecretString"))
                .get("Fn::Sub"));
        JsonNode stored = JSON.readTree(secret.replace("${LinkSigningAccessKey}", "AKIDEXAMPLE")
                .replace("${LinkSigningAccessKey.SecretAccessKey}", "example/secret+key"));
        assertThat(stored.path("accessKeyId").asText()).isEqualTo("AKIDEXAMPLE");
        assertThat(stored.path("secretAccessKey").asText()).isEqualTo("example/secret+key");
        assertThat(String.valueOf(template.properties("WebhookDispatcherFunction").get("Policies")))
                .doesNotContain("LinkSigningKeySecret");
        assertThat(String.valueOf(template.properties("WebhookDispatcherQueuePolicy").get("PolicyDocument")))
                .contains("SignsIndexPages").contains("ReadSigningKeys").contains("LinkSigningKeySecret");
        assertThat(template.section("Conditions").get("SignsIndexPages")).isEqualTo(Map.of("Fn::And", List.of(
                Map.of("Condition", "CreateSigningUser"), Map.of("Condition", "ViaQueue"))));
        assertThat(String.valueOf(template.properties("LinkGeneratorFunction").get("Policies")))
                .contains("ReadSigningKeys").contains("LinkSigningKeySecret");
    }

    @Test
    void createsNoSigningUserForRoleSigningAGivenSecretOrPublicLinks() {
        assertThat(template.section("Conditions").get("CreateSigningUser")).isEqualTo(Map.of("Fn::And", List.of(
                Map.of("Fn::Equals", List.of(Map.of("Ref", "LinkSigning"), "signing-user")),
                Map.of("Fn::Not", List.of(Map.of("Condition", "HasLinkSigningSecret"))),
                Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "LinkKind"), "public-url")))))));
    }

    @Test
    void publishesNewVersionsOfBothFunctionsWhenTheSigningKeyIsRotated() {
        assertThat(String.valueOf(map(template.properties("LinkGeneratorFunction").get("Description")).get("Fn::Sub")))
                .contains("${LinkSigningKeySerial}");
        assertThat(String.valueOf(map(template.properties("WebhookDispatcherFunction").get("Description"))
                .get("Fn::Sub"))).contains("${LinkSigningKeySerial}");
    }

    @Test
    void saysWhatHappensToEveryStatefulResourceWhenTheStackGoes() {
        for (String type : List.of("AWS::SQS::Queue", "AWS::Logs::LogGroup", "AWS::SecretsManager::Secret",
                "AWS::S3::Bucket")) {
            assertThat(template.ofType(type)).as(type).isNotEmpty();
            for (String id : template.ofType(type)) {
                assertThat(template.resource(id)).as(id).containsKeys("DeletionPolicy", "UpdateReplacePolicy");
            }
        }
    }

    private static Map<String, Object> parameter(String name) {
        return map(template.section("Parameters").get(name));
    }
}
