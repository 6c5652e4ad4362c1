package dev.s3notify.docs;

import static dev.s3notify.docs.CloudFormationTemplate.list;
import static dev.s3notify.docs.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What CloudFormation and SAM would refuse before creating anything, checked without them: resource types and
 * attributes known, every {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} variable and condition defined, and
 * nothing defined that is never used.
 */
class TemplateReferencesTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    /** The types the template may use, with the attributes {@code Fn::GetAtt} may read. */
    private static final Map<String, Set<String>> TYPES = Map.ofEntries(
            Map.entry("AWS::Serverless::Function", Set.of("Arn")),
            Map.entry("AWS::S3::Bucket", Set.of("Arn", "DomainName", "RegionalDomainName")),
            Map.entry("AWS::SQS::Queue", Set.of("Arn", "QueueName", "QueueUrl")),
            Map.entry("AWS::SQS::QueuePolicy", Set.of()),
            Map.entry("AWS::Logs::LogGroup", Set.of("Arn")),
            Map.entry("AWS::Events::Rule", Set.of("Arn")),
            Map.entry("AWS::Lambda::Permission", Set.of()),
            Map.entry("AWS::CloudWatch::Alarm", Set.of("Arn")),
            Map.entry("AWS::IAM::User", Set.of("Arn")),
            Map.entry("AWS::IAM::AccessKey", Set.of("SecretAccessKey")),
            Map.entry("AWS::SecretsManager::Secret", Set.of("Id")));
    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NoValue", "AWS::Partition",
            "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static CloudFormationTemplate template;
    private static Set<String> names;

    @BeforeAll
    static void read() throws Exception {
        template = CloudFormationTemplate.read(ROOT.resolve("lambda-bundle/template.yaml"));
        names = new HashSet<>(PSEUDO);
        names.addAll(template.section("Parameters").keySet());
        template.section("Resources").forEach((id, resource) -> {
            names.add(id);
            if (map(map(resource).get("Properties")).containsKey("AutoPublishAlias")) {
                names.add(id + ".Alias");
                names.add(id + ".Version");
            }
        });
    }

    @Test
    void usesOnlyKnownResourceTypes() {
        template.section("Resources").forEach((id, resource) ->
                assertThat(TYPES).as(id).containsKey(String.valueOf(map(resource).get("Type"))));
    }

    @Test
    void refersOnlyToWhatItDefines() {
        Map<String, Object> resources = template.section("Resources");
        for (String section : List.of("Rules", "Conditions", "Resources", "Outputs")) {
            CloudFormationTemplate.intrinsics(template.get(section), (function, argument) -> {
                switch (function) {
                    case "Ref" -> assertThat(names).as("Ref %s", argument).contains(String.valueOf(argument));
                    case "Fn::GetAtt" -> {
                        String id = String.valueOf(list(argument).get(0));
                        String type = String.valueOf(map(resources.get(id)).get("Type"));
                        assertThat(TYPES.getOrDefault(type, Set.of())).as("GetAtt %s", argument)
                                .contains(String.valueOf(list(argument).get(1)));
                    }
                    case "Fn::Sub" -> CloudFormationTemplate.subVariables(argument).forEach(variable -> {
                        String head = variable.contains(".") && !variable.startsWith("AWS::")
                                ? variable.substring(0, variable.indexOf('.')) : variable;
                        assertThat(names).as("${%s}", variable).contains(head);
                    });
                    case "Condition", "Fn::If" -> {
                        Object name = function.equals("Condition") ? argument : list(argument).get(0);
                        assertThat(template.section("Conditions")).as("condition %s", name)
                                .containsKey(String.valueOf(name));
                    }
                    default -> { }
                }
            });
        }
        resources.forEach((id, resource) -> {
            Object condition = map(resource).get("Condition");
            if (condition != null) {
                assertThat(template.section("Conditions")).as(id).containsKey(String.valueOf(condition));
            }
        });
    }

    @Test
    void usesEveryParameterAndCondition() {
        Set<String> used = new HashSet<>();
        for (String section : List.of("Rules", "Conditions", "Resources", "Outputs")) {
            CloudFormationTemplate.intrinsics(template.get(section), (function, argument) -> {
                switch (function) {
                    case "Ref", "Condition" -> used.add(String.valueOf(argument));
                    case "Fn::If" -> used.add(String.valueOf(list(argument).get(0)));
                    case "Fn::Sub" -> used.addAll(CloudFormationTemplate.subVariables(argument));
                    default -> { }
                }
            });
        }
        template.section("Resources").values().forEach(r -> {
            if (map(r).get("Condition") != null) {
                used.add(String.valueOf(map(r).get("Condition")));
            }
        });

        assertThat(used).containsAll(template.section("Parameters").keySet());
        assertThat(used).containsAll(template.section("Conditions").keySet());
    }

    @Test
    void givesEveryParameterADescriptionAndADefault() {
        template.section("Parameters").forEach((name, parameter) ->
                assertThat(map(parameter)).as(name).containsKeys("Type", "Default", "Description"));
    }
}
