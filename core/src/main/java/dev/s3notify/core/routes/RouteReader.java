package dev.s3notify.core.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.EventType;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.text.SafeText;
import dev.s3notify.core.text.Suggestions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Reads one route of a routes document, each problem named by the route and the field. */
final class RouteReader {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final List<String> FIELDS = List.of("name", "kind", "url", "urlSecretArn", "urlParameter", "filters",
            "template", "digestTemplate", "settings", "fallback");
    static final List<String> FILTERS = List.of("bucket", "prefix", "suffix", "glob", "eventType", "contentType",
            "size");

    private final String where;
    private final Consumer<String> problems;
    private int count;

    /**
     * @param where how problems name the route: {@code ROUTES: route 'pdfs'}
     * @param problems receives each problem
     */
    RouteReader(String where, Consumer<String> problems) {
        this.where = where;
        this.problems = problems;
    }

    /** @return the route, or null when it has a problem (each one reported) */
    Route read(String name, JsonNode node) {
        unknown(node, FIELDS, "");
        Route.Builder route = Route.builder(name);
        route.kind(text(node, "kind"));
        route.source(source(node));
        route.template(text(node, "template"));
        route.digestTemplate(text(node, "digestTemplate"));
        route.fallback(text(node, "fallback"));
        JsonNode filters = node.get("filters");
        if (filters != null && !filters.isNull()) {
            route.filter(filters.isObject() ? filter(filters) : expected("filters", filters, "an object",
                    RouteFilter.ANY));
        }
        JsonNode settings = node.get("settings");
        if (settings != null && !settings.isNull()) {
            if (settings.isObject()) {
                route.settings(settings(settings));
            } else {
                problem("settings", "expected an object of the kind's variables, got " + type(settings));
            }
        }
        return count == 0 ? route.build() : null;
    }

    private WebhookSource source(JsonNode node) {
        String url = text(node, "url");
        String arn = text(node, "urlSecretArn");
        String parameter = text(node, "urlParameter");
        int given = (url != null ? 1 : 0) + (arn != null ? 1 : 0) + (parameter != null ? 1 : 0);
        if (given != 1) {
            problem("", given == 0 ? "no webhook: set one of url, urlSecretArn and urlParameter"
                    : "two webhook sources: set only one of url, urlSecretArn and urlParameter");
            return null;
        }
        return url != null ? WebhookSource.url(Secret.of(url)) : arn != null ? WebhookSource.secretArn(arn)
                : WebhookSource.parameter(parameter);
    }

    private RouteFilter filter(JsonNode node) {
        unknown(node, FILTERS, "filters.");
        RouteFilter.Builder filter = RouteFilter.builder();
        filter.bucket(texts(node, "bucket"));
        filter.prefix(texts(node, "prefix"));
        filter.suffix(texts(node, "suffix"));
        for (String glob : texts(node, "glob")) {
            try {
                filter.glob(glob);
            } catch (IllegalArgumentException e) {
                problem("filters.glob", SafeText.quote(glob) + ": " + e.getMessage());
            }
        }
        for (String type : texts(node, "eventType")) {
            try {
                filter.eventType(EventType.fromWireName(type));
            } catch (IllegalArgumentException e) {
                problem("filters.eventType", SafeText.quote(type) + " is not an event type; expected created,"
                        + " deleted, restored, restore-started or restore-expired");
            }
        }
        for (String type : texts(node, "contentType")) {
            String media = RouteFilter.mediaType(type);
            int slash = media.indexOf('/');
            if (slash <= 0 || slash == media.length() - 1 || media.startsWith("*/")) {
                problem("filters.contentType", SafeText.quote(type) + " is not a media type; expected one such as"
                        + " application/pdf or image/*");
            } else {
                filter.contentType(media);
            }
        }
        size(node.get("size"), filter);
        return filter.build();
    }

    private void size(JsonNode size, RouteFilter.Builder filter) {
        if (size == null || size.isNull()) {
            return;
        }
        if (!size.isObject()) {
            expected("filters.size", size, "an object with min and/or max, in bytes", null);
            return;
        }
        int before = count;
        unknown(size, List.of("min", "max"), "filters.size.");
        Long min = bytes(size, "min");
        Long max = bytes(size, "max");
        if (min == null && max == null && count == before) {
            problem("filters.size", "give min, max or both, in bytes");
        } else if (min != null && max != null && min > max) {
            problem("filters.size", "min " + min + " is above max " + max);
        } else {
            if (min != null) {
                filter.minSize(min);
            }
            if (max != null) {
                filter.maxSize(max);
            }
        }
    }

    private Long bytes(JsonNode size, String field) {
        JsonNode value = size.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            return expected("filters.size." + field, value, "a whole number of bytes, 0 or more", null);
        }
        return value.asLong();
    }

    private Map<String, String> settings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (value.isTextual() || value.isNumber() || value.isBoolean()) {
                values.put(entry.getKey(), value.asText());
            } else {
                // A setting may be a secret (a signing secret, a token): its value is never shown, only its type.
                problem("settings." + SafeText.cut(entry.getKey(), 64), "expected a string, number or boolean, got "
                        + type(value));
            }
        });
        return values;
    }

    /** A text field: null when absent; a problem when not a non-blank string. */
    private String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            return expected(field, value, "a non-blank string", null);
        }
        return value.asText();
    }

    /** A filter's values: a string or a non-empty list of strings. */
    private String[] texts(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return new String[0];
        }
        List<String> values = new ArrayList<>();
        Iterator<JsonNode> items = value.isArray() ? value.elements() : List.of(value).iterator();
        while (items.hasNext()) {
            JsonNode item = items.next();
            if (!item.isTextual() || item.asText().isEmpty()) {
                return expected("filters." + field, value, "a string or a list of strings", new String[0]);
            }
            values.add(item.asText());
        }
        if (values.isEmpty()) {
            return expected("filters." + field, value, "a string or a non-empty list of strings", new String[0]);
        }
        return values.toArray(String[]::new);
    }

    /** What a JSON value is, without the value: for fields whose values may be secrets. */
    private static String type(JsonNode value) {
        return value.isArray() ? "a list" : value.isObject() ? "an object" : "null";
    }

    private void unknown(JsonNode node, List<String> known, String path) {
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                String hint = Suggestions.didYouMean(field, known);
                problem(path + SafeText.cut(field, 64), "not a known field" + (hint.isEmpty()
                        ? "; expected one of " + String.join(", ", known) : hint));
            }
        });
    }

    private <T> T expected(String field, JsonNode value, String what, T instead) {
        problem(field, "expected " + what + ", got " + SafeText.cut(value.toString(), 80));
        return instead;
    }

    private void problem(String field, String what) {
        count++;
        problems.accept(where + (field.isEmpty() ? "" : ": " + field) + ": " + what);
    }
}
