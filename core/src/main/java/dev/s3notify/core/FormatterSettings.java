package dev.s3notify.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated values of the variables one formatter declares ({@code EMBED_COLOR}, {@code FOOTER_TEXT}, ...),
 * read once at start-up. A formatter reads them here and never from the environment.
 */
public final class FormatterSettings {
    private final Map<String, Object> values;
    private final List<Variable<?>> declared;

    private FormatterSettings(Map<String, Object> values, List<Variable<?>> declared) {
        this.values = values;
        this.declared = List.copyOf(declared);
    }

    /**
     * Reads the declared variables, recording problems in {@code settings} (call {@link Settings#validate()}).
     *
     * @param declared the formatter's variables
     * @param settings the environment
     * @return the values
     */
    public static FormatterSettings read(List<Variable<?>> declared, Settings settings) {
        Map<String, Object> values = new HashMap<>();
        for (Variable<?> variable : declared) {
            Object value = settings.get(variable);
            if (value != null) {
                values.put(variable.name(), value);
            }
        }
        return new FormatterSettings(values, declared);
    }

    /**
     * Reads the declared variables from a plain map: for tests, including a plugin's contract test.
     *
     * @param declared the formatter's variables
     * @param env the variables' values
     * @return the values
     * @throws ConfigurationException listing every invalid value
     */
    public static FormatterSettings of(List<Variable<?>> declared, Map<String, String> env) {
        Settings settings = new Settings(env);
        FormatterSettings read = read(declared, settings);
        settings.validate();
        return read;
    }

    /**
     * @param variable one of the formatter's declared variables
     * @param <T> its value type
     * @return its value, or its default, or null when it has neither
     * @throws IllegalArgumentException when the formatter did not declare the variable
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Variable<T> variable) {
        if (declared.stream().noneMatch(v -> v.name().equals(variable.name()))) {
            throw new IllegalArgumentException(variable.name() + " is not declared by this formatter's variables()");
        }
        return (T) values.get(variable.name());
    }
}
