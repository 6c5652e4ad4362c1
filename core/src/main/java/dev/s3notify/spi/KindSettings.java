package dev.s3notify.spi;

import dev.s3notify.core.error.ConfigurationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The validated values of the variables one kind declares in its {@code variables()} (a formatter's
 * {@code EMBED_COLOR}, a plugin link generator's own settings, ...), read once at start-up. A kind reads its
 * settings here and never from the environment.
 */
public final class KindSettings {
    private final Map<String, Object> values;
    private final List<Variable<?>> declared;

    private KindSettings(Map<String, Object> values, List<Variable<?>> declared) {
        this.values = values;
        this.declared = List.copyOf(declared);
    }

    /**
     * Reads the declared variables with a reader that checks each one: how core builds a kind's settings from the
     * environment, problems collected with every other.
     *
     * @param declared the kind's variables
     * @param reader reads one variable's checked value, or null when it has none
     * @return the values
     */
    public static KindSettings read(List<Variable<?>> declared, Function<Variable<?>, ?> reader) {
        Map<String, Object> values = new HashMap<>();
        for (Variable<?> variable : declared) {
            Object value = reader.apply(variable);
            if (value != null) {
                values.put(variable.name(), value);
            }
        }
        return new KindSettings(values, declared);
    }

    /**
     * Reads the declared variables from a plain map: for tests, including a plugin's contract test.
     *
     * @param declared the kind's variables
     * @param env the variables' values
     * @return the values
     * @throws ConfigurationException listing every invalid value
     */
    public static KindSettings of(List<Variable<?>> declared, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        KindSettings read = read(declared, variable -> variable.read(env, problems::add));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return read;
    }

    /** @return settings of a kind that declares no variables */
    public static KindSettings none() {
        return new KindSettings(Map.of(), List.of());
    }

    /**
     * @param variable one of the kind's declared variables
     * @param <T> its value type
     * @return its value, or its default, or null when it has neither
     * @throws IllegalArgumentException when the kind did not declare the variable
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Variable<T> variable) {
        if (declared.stream().noneMatch(v -> v.name().equals(variable.name()))) {
            throw new IllegalArgumentException(variable.name() + " is not declared by this kind's variables()");
        }
        return (T) values.get(variable.name());
    }
}
