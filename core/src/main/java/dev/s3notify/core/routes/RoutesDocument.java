package dev.s3notify.core.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.input.JsonErrors;
import dev.s3notify.core.support.Json;
import dev.s3notify.core.text.SafeText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a routes document: a JSON array of routes, or an object whose {@code routes} holds them (and whose
 * {@code $schema} may point an editor at {@code docs/routes.schema.json}). Every problem is reported, each naming
 * where the document came from, the route, the field, the value and what was expected.
 */
public final class RoutesDocument {
    private RoutesDocument() {
    }

    /**
     * @param json the document's text
     * @param origin how problems name the document: {@code ROUTES}, {@code ROUTES_FILE=/opt/routes.json}, ...
     * @param problems receives each problem, all of them
     * @return the routes read without a problem, in the document's order; empty when the document cannot be read
     */
    public static List<Route> parse(String json, String origin, Consumer<String> problems) {
        JsonNode root;
        try {
            root = Json.STRICT.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            problems.accept(origin + ": not JSON: " + JsonErrors.describe(e));
            return List.of();
        }
        JsonNode list = root == null ? null : root.isObject() ? routesOf(root, origin, problems) : root;
        if (list == null) {
            return List.of();
        }
        if (!list.isArray() || list.isEmpty()) {
            problems.accept(origin + ": expected a non-empty list of routes (or an object with one under \"routes\"),"
                    + " got " + SafeText.cut(list.toString(), 80));
            return List.of();
        }
        Map<String, Route> routes = new LinkedHashMap<>();
        Set<String> named = new HashSet<>();
        int index = 0;
        for (JsonNode node : list) {
            index++;
            String name = name(node, index, origin, problems);
            if (name == null) {
                continue;
            }
            if (!named.add(name)) {
                problems.accept(origin + ": route '" + name + "': name: another route has this name already");
                continue;
            }
            Route route = new RouteReader(origin + ": route '" + name + "'", problems).read(name, node);
            if (route != null) {
                routes.put(name, route);
            }
        }
        List<Route> fine = new ArrayList<>();
        for (Route route : routes.values()) {
            if (fallbackFine(route, routes, named, origin, problems)) {
                fine.add(route);
            }
        }
        return List.copyOf(fine);
    }

    private static JsonNode routesOf(JsonNode root, String origin, Consumer<String> problems) {
        root.fieldNames().forEachRemaining(field -> {
            if (!field.equals("routes") && !field.equals("$schema")) {
                problems.accept(origin + ": " + SafeText.cut(field, 64) + ": not a known field; expected routes"
                        + " (and $schema)");
            }
        });
        JsonNode routes = root.get("routes");
        if (routes == null) {
            problems.accept(origin + ": routes: missing; expected the list of routes");
        }
        return routes;
    }

    private static String name(JsonNode node, int index, String origin, Consumer<String> problems) {
        if (!node.isObject()) {
            problems.accept(origin + ": route #" + index + ": expected an object, got "
                    + SafeText.cut(node.toString(), 80));
            return null;
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || !RouteReader.NAME.matcher(name.asText()).matches()) {
            problems.accept(origin + ": route #" + index + ": name: " + (name == null ? "missing"
                    : SafeText.quote(name.isTextual() ? name.asText() : name.toString()) + " is not a name")
                    + "; expected 1 to 64 letters, digits, '.', '_' or '-'");
            return null;
        }
        return name.asText();
    }

    /** The fallback names another route, not itself, and following fallbacks from it comes to an end. */
    private static boolean fallbackFine(Route route, Map<String, Route> routes, Set<String> named, String origin,
            Consumer<String> problems) {
        if (route.fallback().isEmpty()) {
            return true;
        }
        String where = origin + ": route '" + route.name() + "': fallback: ";
        String fallback = route.fallback().get();
        if (!named.contains(fallback)) {
            problems.accept(where + SafeText.quote(fallback) + " names no route; expected one of "
                    + String.join(", ", named.stream().sorted().toList()));
            return false;
        }
        List<String> path = new ArrayList<>(List.of(route.name()));
        String next = fallback;
        while (next != null) {
            if (path.contains(next)) {
                path.add(next);
                problems.accept(where + "the fallbacks make a cycle: " + String.join(" -> ", path));
                return false;
            }
            path.add(next);
            Route hop = routes.get(next);
            next = hop == null ? null : hop.fallback().orElse(null);
        }
        return true;
    }
}
