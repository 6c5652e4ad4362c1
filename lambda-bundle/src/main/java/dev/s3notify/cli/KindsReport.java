package dev.s3notify.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.support.Json;
import dev.s3notify.spi.Variable;
import java.util.ArrayList;
import java.util.List;

/** What {@code kinds} found, per registry, printed for people or as JSON. */
final class KindsReport {
    private static final ObjectMapper MAPPER = Json.MAPPER;

    private KindsReport() {
    }

    /**
     * One provider.
     *
     * @param kind its kind
     * @param note what is special about it (the default, the fallback), or null
     * @param variables the variables it reads
     */
    record Provider(String kind, String note, List<Variable<?>> variables) {
    }

    /**
     * One registry.
     *
     * @param title what it holds, for people
     * @param key its name in the JSON output
     * @param variable the variable that selects a kind
     * @param providers the providers found, sorted by kind
     * @param inUse the kind the configuration selects, or null
     * @param why how it is selected, or why none is
     * @param failures providers that failed to load, by class name with the reason
     */
    record Section(String title, String key, String variable, List<Provider> providers, String inUse, String why,
            List<String> failures) {
    }

    static String text(List<Section> sections) {
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            text.append(section.title()).append(" (").append(section.variable()).append(")\n");
            for (Provider provider : section.providers()) {
                text.append(provider.kind().equals(section.inUse()) ? "  * " : "    ").append(provider.kind())
                        .append(provider.note() == null ? "" : "  (" + provider.note() + ")")
                        .append(provider.variables().isEmpty() ? "  (reads no variables of its own)" : "")
                        .append('\n');
                provider.variables().forEach(v -> text.append("        ").append(line(v)).append('\n'));
            }
            text.append("  in use: ").append(section.inUse() == null ? "none" : section.inUse()).append(" (")
                    .append(section.why()).append(")\n");
            if (!section.failures().isEmpty()) {
                text.append("  providers that failed to load:\n");
                section.failures().forEach(f -> text.append("    ").append(f).append('\n'));
            }
            text.append('\n');
        }
        return text.append("* marks the kind in use. Variables are read from the environment; the README's variable"
                + " table says more.\n").toString();
    }

    static ObjectNode json(List<Section> sections) {
        ObjectNode root = MAPPER.createObjectNode();
        for (Section section : sections) {
            ObjectNode node = root.putObject(section.key());
            node.put("variable", section.variable());
            node.put("inUse", section.inUse());
            node.put("why", section.why());
            ArrayNode kinds = node.putArray("kinds");
            for (Provider provider : section.providers()) {
                ObjectNode kind = kinds.addObject().put("kind", provider.kind()).put("note", provider.note());
                ArrayNode variables = kind.putArray("variables");
                provider.variables().forEach(v -> variables.addObject().put("name", v.name())
                        .put("default", v.defaultValue()).put("required", v.required()).put("secret", v.secret())
                        .put("meaning", v.meaning()));
            }
            ArrayNode failures = node.putArray("failures");
            section.failures().forEach(failures::add);
        }
        return root;
    }

    private static String line(Variable<?> variable) {
        List<String> notes = new ArrayList<>();
        if (variable.defaultValue() != null) {
            notes.add("default: " + variable.defaultValue());
        }
        if (variable.required()) {
            notes.add("required");
        }
        if (variable.secret()) {
            notes.add("secret");
        }
        return variable.name() + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")") + ": "
                + variable.meaning();
    }
}
