package dev.s3notify.docs;

import static dev.s3notify.docs.CloudFormationTemplate.list;
import static dev.s3notify.docs.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template with its parameters given (their defaults, with the values a case sets over them), evaluated as
 * CloudFormation does: conditions and rule assertions hold or not, {@code Fn::If} takes its branch and
 * {@code AWS::NoValue} removes what it stands for, parameters are put in for their {@code Ref} and {@code ${...}}.
 * What it leaves alone (resources' attributes, pseudo parameters) stays as written.
 */
final class RenderedTemplate {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}.:][^}.:]*)}");
    private static final Object NO_VALUE = new Object();

    private final CloudFormationTemplate template;
    private final Map<String, String> parameters = new HashMap<>();

    RenderedTemplate(CloudFormationTemplate template, Map<String, String> set) {
        this.template = template;
        template.section("Parameters").forEach((name, p) -> {
            Object value = map(p).get("Default");
            parameters.put(name, value == null ? "" : String.valueOf(value));
        });
        parameters.putAll(set);
    }

    /** @return whether the template's condition of this name holds */
    boolean condition(String name) {
        assertThat(template.section("Conditions")).as("condition %s", name).containsKey(name);
        return holds(template.section("Conditions").get(name));
    }

    /** @return whether a condition function ({@code Fn::Equals}, {@code Fn::And}, ...) holds */
    boolean holds(Object node) {
        Map<String, Object> function = map(node);
        String name = function.keySet().iterator().next();
        Object argument = function.get(name);
        List<Object> args = argument instanceof List<?> l ? new ArrayList<>(l) : List.of(argument);
        return switch (name) {
            case "Condition" -> condition(String.valueOf(argument));
            case "Fn::Equals" -> text(args.get(0)).equals(text(args.get(1)));
            case "Fn::Not" -> !holds(args.get(0));
            case "Fn::And" -> args.stream().allMatch(this::holds);
            case "Fn::Or" -> args.stream().anyMatch(this::holds);
            case "Fn::Contains" -> list(value(args.get(0))).contains(value(args.get(1)));
            default -> throw new AssertionError("not a condition function: " + name);
        };
    }

    /** @return a function's {@code Environment.Variables} as the function gets them */
    Map<String, Object> environment(String function) {
        return map(map(map(resolve(template.properties(function))).get("Environment")).get("Variables"));
    }

    /** @return the statements of a function's {@code Policies} as its role gets them */
    List<Map<String, Object>> statements(String function) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : list(map(resolve(template.properties(function))).get("Policies"))) {
            list(map(policy).get("Statement")).forEach(s -> statements.add(map(s)));
        }
        return statements;
    }

    /** @return {@code node} with its branches taken, its omitted values removed and its parameters put in */
    Object resolve(Object node) {
        Object resolved = resolveOrOmit(node);
        return resolved == NO_VALUE ? null : resolved;
    }

    private Object resolveOrOmit(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> in = map(m);
            if (in.size() == 1 && in.containsKey("Fn::If")) {
                List<Object> choice = list(in.get("Fn::If"));
                return resolveOrOmit(condition(String.valueOf(choice.get(0))) ? choice.get(1) : choice.get(2));
            }
            if (in.size() == 1 && in.containsKey("Ref")) {
                String ref = String.valueOf(in.get("Ref"));
                return ref.equals("AWS::NoValue") ? NO_VALUE : parameters.containsKey(ref) ? value(in) : in;
            }
            if (in.size() == 1 && in.get("Fn::Sub") instanceof String text) {
                return substituted(text);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            in.forEach((key, value) -> {
                Object v = resolveOrOmit(value);
                if (v != NO_VALUE) {
                    out.put(key, v);
                }
            });
            return out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(this::resolveOrOmit).filter(v -> v != NO_VALUE).toList();
        }
        return node;
    }

    private String substituted(String text) {
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(parameters.containsKey(name) ? text(Map.of("Ref",
                    name)) : m.group()));
        }
        return m.appendTail(out).toString();
    }

    /** A string, or a list of them: a list parameter's {@code Ref}, {@code Fn::Split}. */
    private Object value(Object node) {
        Map<String, Object> function = map(node);
        if (function.containsKey("Ref")) {
            String name = String.valueOf(function.get("Ref"));
            assertThat(parameters).as("parameter %s", name).containsKey(name);
            String type = String.valueOf(map(template.section("Parameters").get(name)).get("Type"));
            return type.startsWith("CommaDelimitedList") || type.startsWith("List<")
                    ? List.of(parameters.get(name).split(",", -1)) : parameters.get(name);
        }
        if (function.containsKey("Fn::Select")) {
            List<Object> args = list(function.get("Fn::Select"));
            return list(value(args.get(1))).get(((Number) args.get(0)).intValue());
        }
        if (function.containsKey("Fn::Split")) {
            List<Object> args = list(function.get("Fn::Split"));
            return List.of(text(args.get(1)).split(Pattern.quote(text(args.get(0))), -1));
        }
        if (function.containsKey("Fn::Join")) {
            List<Object> args = list(function.get("Fn::Join"));
            return String.join(text(args.get(0)), list(value(args.get(1))).stream().map(String::valueOf).toList());
        }
        if (node instanceof List<?> l) {
            return l.stream().map(this::value).toList();
        }
        assertThat(node).as("conditions and rules compare strings: a bare number would not equal a parameter's value")
                .isInstanceOf(String.class);
        return node;
    }

    private String text(Object node) {
        Object value = value(node);
        assertThat(value).as("a string, not a list: %s", node).isInstanceOf(String.class);
        return (String) value;
    }
}
