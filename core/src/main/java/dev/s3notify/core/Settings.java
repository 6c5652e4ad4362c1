package dev.s3notify.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The environment, read once at the edge and passed down as a map, with typed accessors that collect every
 * problem instead of stopping at the first. Call {@link #validate()} when all settings are read: it throws one
 * {@link ConfigurationException} listing them all. A blank value counts as unset.
 */
public final class Settings {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    /** @param env the environment, usually {@code System.getenv()}; tests pass a plain map */
    public Settings(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** @return the raw environment, for components that forward it (never log it) */
    public Map<String, String> env() {
        return env;
    }

    /**
     * @param variable the variable
     * @return its trimmed value, or empty when unset or blank (the default is not applied)
     */
    public Optional<String> raw(Variable variable) {
        return raw(variable.name());
    }

    /**
     * @param name a variable name
     * @return its trimmed value, or empty when unset or blank
     */
    public Optional<String> raw(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * @param variable the variable
     * @return its value, else its default, else null; records a problem when it is required and missing
     */
    public String string(Variable variable) {
        Optional<String> value = raw(variable);
        if (value.isEmpty() && variable.required() && variable.defaultValue() == null) {
            problem(variable.name() + " is required but not set: " + variable.meaning());
        }
        return value.orElse(variable.defaultValue());
    }

    /**
     * @param variable the variable, whose default must parse
     * @param min the smallest accepted value
     * @param max the largest accepted value
     * @return the value, or the default after recording a problem
     */
    public long integer(Variable variable, long min, long max) {
        String text = string(variable);
        long fallback = Long.parseLong(variable.defaultValue());
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the range, like an out-of-range number
        }
        problem(variable.name() + "=" + shown(variable, text) + " is not a whole number from " + min + " to " + max
                + ": " + variable.meaning());
        return fallback;
    }

    /**
     * @param variable the variable
     * @return true for {@code true}, {@code 1} or {@code yes}; false for {@code false}, {@code 0} or {@code no}
     *     (any case); records a problem for anything else
     */
    public boolean bool(Variable variable) {
        String text = string(variable);
        if (text == null) {
            return false;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes":
                return true;
            case "false", "0", "no":
                return false;
            default:
                problem(variable.name() + "=" + shown(variable, text) + " is not a boolean; use true or false");
                return Boolean.parseBoolean(variable.defaultValue());
        }
    }

    /**
     * @param variable the variable, whose default is one of the choices
     * @param choices the accepted values, lowercase
     * @return the value, lowercased, or the default after recording a problem
     */
    public String choice(Variable variable, List<String> choices) {
        String text = string(variable);
        if (text == null) {
            return null;
        }
        String value = text.toLowerCase(Locale.ROOT);
        if (choices.contains(value)) {
            return value;
        }
        problem(variable.name() + "=" + shown(variable, text) + " is not one of " + String.join(", ", choices));
        return variable.defaultValue();
    }

    /**
     * @param variable the variable
     * @param httpsOnly whether plain http is refused except on loopback addresses
     * @return the parsed absolute URL, or null when unset or invalid (a problem is recorded when invalid)
     */
    public URI url(Variable variable, boolean httpsOnly) {
        String text = string(variable);
        if (text == null) {
            return null;
        }
        String shownText = shown(variable, text);
        URI uri;
        try {
            uri = new URI(text);
        } catch (Exception e) {
            problem(variable.name() + "=" + shownText + " is not a valid URL");
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            problem(variable.name() + "=" + shownText + " is not an absolute http(s) URL with a host");
            return null;
        }
        if (httpsOnly && scheme.equals("http") && !isLoopback(uri.getHost())) {
            problem(variable.name() + "=" + shownText
                    + " must use https (plain http is accepted only for localhost and 127.0.0.1)");
            return null;
        }
        return uri;
    }

    /** @param problem one sentence naming the variable, the value (unless secret) and what was expected */
    public void problem(String problem) {
        problems.add(problem);
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

    private static String shown(Variable variable, String value) {
        return variable.secret() ? "<secret>" : "'" + value + "'";
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }
}
