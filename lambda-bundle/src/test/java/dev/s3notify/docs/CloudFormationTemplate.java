package dev.s3notify.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A CloudFormation template read as plain maps and lists, its short tags ({@code !Ref}, {@code !Sub}, ...) turned
 * into the long forms ({@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}), with walks over what it references.
 */
final class CloudFormationTemplate {
    private static final Map<String, String> SHORT_TAGS = Map.ofEntries(Map.entry("!Ref", "Ref"),
            Map.entry("!Condition", "Condition"), Map.entry("!Sub", "Fn::Sub"), Map.entry("!GetAtt", "Fn::GetAtt"),
            Map.entry("!If", "Fn::If"), Map.entry("!Equals", "Fn::Equals"), Map.entry("!Not", "Fn::Not"),
            Map.entry("!And", "Fn::And"), Map.entry("!Or", "Fn::Or"), Map.entry("!Join", "Fn::Join"),
            Map.entry("!Select", "Fn::Select"), Map.entry("!Split", "Fn::Split"),
            Map.entry("!FindInMap", "Fn::FindInMap"), Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!GetAZs", "Fn::GetAZs"), Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!Contains", "Fn::Contains"));
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final Map<String, Object> root;

    private CloudFormationTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static CloudFormationTemplate read(Path file) throws IOException {
        Yaml yaml = new Yaml(new ShortTags());
        return new CloudFormationTemplate(yaml.load(Files.readString(file)));
    }

    Object get(String key) {
        return root.get(key);
    }

    Map<String, Object> section(String name) {
        return root.containsKey(name) ? map(root.get(name)) : Map.of();
    }

    Map<String, Object> resource(String id) {
        return map(section("Resources").get(id));
    }

    Map<String, Object> properties(String id) {
        return map(resource(id).get("Properties"));
    }

    /** @return a function's {@code Environment.Variables} */
    Map<String, Object> environment(String function) {
        return map(map(properties(function).get("Environment")).get("Variables"));
    }

    /** @return the ids of the resources of this type */
    List<String> ofType(String type) {
        List<String> ids = new ArrayList<>();
        section("Resources").forEach((id, r) -> {
            if (type.equals(map(r).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Calls {@code visitor} with (function name, argument) for every intrinsic function in {@code node}. */
    static void intrinsics(Object node, BiConsumer<String, Object> visitor) {
        if (node instanceof Map<?, ?> m) {
            if (m.size() == 1) {
                String key = String.valueOf(m.keySet().iterator().next());
                if (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")) {
                    visitor.accept(key, m.values().iterator().next());
                }
            }
            m.values().forEach(v -> intrinsics(v, visitor));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> intrinsics(v, visitor));
        }
    }

    /** @return the names {@code ${...}} refers to in an {@code Fn::Sub} argument, less those its own map defines */
    static List<String> subVariables(Object argument) {
        String text = argument instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(argument);
        Map<String, Object> local = argument instanceof List<?> l && l.size() > 1 ? map(l.get(1)) : Map.of();
        List<String> names = new ArrayList<>();
        Matcher m = SUB_VARIABLE.matcher(text);
        while (m.find()) {
            if (!local.containsKey(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node instanceof List<?> ? (List<Object>) node : List.of();
    }

    /** SnakeYAML's safe constructor, plus CloudFormation's short tags. */
    private static final class ShortTags extends SafeConstructor {
        ShortTags() {
            super(new LoaderOptions());
            SHORT_TAGS.forEach((tag, function) -> yamlConstructors.put(new Tag(tag), new LongForm(function)));
        }

        private final class LongForm extends AbstractConstruct {
            private final String function;

            LongForm(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    value = function.equals("Fn::GetAtt") ? List.of(text.split("\\.", 2)) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> longForm = new LinkedHashMap<>();
                longForm.put(function, value);
                return longForm;
            }
        }
    }
}
