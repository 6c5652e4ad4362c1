package dev.s3notify.core.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header fields of an HTTP answer, looked up by name whatever its case: what the webhook sender and the pacing
 * read of an answer ({@code Retry-After}, {@code X-RateLimit-*}, {@code Location}, {@code Content-Type}).
 * Immutable.
 */
public final class ResponseHeaders {
    /** An answer without header fields. */
    public static final ResponseHeaders NONE = new ResponseHeaders(Map.of());

    private final Map<String, List<String>> byName;

    private ResponseHeaders(Map<String, List<String>> byName) {
        this.byName = byName;
    }

    /**
     * @param namesAndValues name, value, name, value...: a name given twice has both values, in order
     * @return the fields
     * @throws IllegalArgumentException when a name has no value
     */
    public static ResponseHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("header names and values come in pairs; the last name has no value");
        }
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            byName.computeIfAbsent(namesAndValues[i].toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(namesAndValues[i + 1]);
        }
        byName.replaceAll((name, values) -> List.copyOf(values));
        return new ResponseHeaders(Map.copyOf(byName));
    }

    /**
     * @param name a field name, in any case
     * @return its first value, when the answer has it
     */
    public Optional<String> firstValue(String name) {
        List<String> values = byName.get(name.toLowerCase(Locale.ROOT));
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * @param name a field name, in any case
     * @return its values in the order they came, empty when the answer has none
     */
    public List<String> allValues(String name) {
        return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** @return the field names, lower-cased (values left out: they may be credentials) */
    @Override
    public String toString() {
        return "ResponseHeaders" + byName.keySet();
    }
}
