package dev.s3notify.core.config;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.spi.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment, read once at the edge and passed down as a map, read through {@link Variable} declarations
 * that check each value. Problems are collected instead of stopping at the first; {@link #validate()} throws one
 * {@link ConfigurationException} listing them all. A blank value counts as unset.
 */
public final class Settings {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    /** @param env the environment, usually {@code System.getenv()}; tests pass a plain map */
    public Settings(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * @param name a variable name
     * @return its trimmed value, or empty when unset or blank; for variables no declaration covers (credentials)
     */
    public Optional<String> raw(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * @param variable the declaration
     * @param <T> the value type
     * @return the parsed value, else the parsed default, else null; an invalid value is recorded as a problem
     *     (naming the variable, the value unless secret, and what was expected) and the default returned
     */
    public <T> T get(Variable<T> variable) {
        return variable.read(env, this::problem);
    }

    /**
     * @param variable the declaration
     * @return whether a non-blank value is set
     */
    public boolean isSet(Variable<?> variable) {
        return raw(variable.name()).isPresent();
    }

    /** @param problem one sentence naming the variable, the value (unless secret) and what was expected */
    public void problem(String problem) {
        // A variable read twice (common settings and a kind's own) is still one problem.
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    /** @return the problems recorded so far */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** @throws ConfigurationException listing every problem recorded, if there is any */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
