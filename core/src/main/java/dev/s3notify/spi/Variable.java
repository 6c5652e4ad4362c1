package dev.s3notify.spi;

import dev.s3notify.core.input.Urls;
import dev.s3notify.core.text.SafeText;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One environment variable s3-notify reads, with its default and how its value is checked: the single place
 * both live. Core declares its own in {@code dev.s3notify.core.config.Variables}; a formatter or link generator declares those of its kind.
 * The README's variable table and {@code docs/configuration.md} are checked against these declarations by a test.
 *
 * @param <T> the type of the parsed value
 * @param name the variable name, such as {@code URL_EXPIRATION_SECONDS}
 * @param function which function reads it: {@code link-generator}, {@code webhook-dispatcher} or {@code both}
 * @param defaultValue the value used when it is unset or blank, or null when there is none
 * @param required whether start-up fails without it
 * @param secret whether its value is a credential that must never be logged or echoed in an error
 * @param meaning one sentence for the docs
 * @param parser turns the text into a value, or throws {@link IllegalArgumentException} saying what was expected
 */
public record Variable<T>(String name, String function, String defaultValue, boolean required, boolean secret,
        String meaning, Parser<T> parser) {

    /**
     * Turns a variable's text into its value.
     *
     * @param <T> the value type
     */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * @param text the trimmed, non-blank text
         * @return the value
         * @throws IllegalArgumentException whose message says what was expected, such as
         *     "a whole number from 1 to 604800"
         */
        T parse(String text);
    }

    /** Rejects a missing name, function, meaning or parser, and a default its own parser refuses. */
    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(parser, "parser");
        if (defaultValue != null) {
            parser.parse(defaultValue);
        }
    }

    /**
     * Reads this variable from a map of values: the one place a value is checked. A blank value counts as unset.
     *
     * @param values the variables' values, such as the environment
     * @param problems takes each problem, one sentence naming the variable, the value unless secret, and what was
     *     expected
     * @return the parsed value, else the parsed default, else null; an invalid value is reported to
     *     {@code problems} and the default returned
     */
    public T read(Map<String, String> values, Consumer<String> problems) {
        String text = values.get(name);
        if (text == null || text.isBlank()) {
            if (required && defaultValue == null) {
                problems.accept(name + " is required but not set: " + meaning);
            }
            return parsedDefault();
        }
        try {
            return parser.parse(text.trim());
        } catch (IllegalArgumentException e) {
            String shown = secret ? "<secret>" : "'" + SafeText.cut(text.trim(), SafeText.QUOTE_LIMIT) + "'";
            problems.accept(name + "=" + shown + " is not valid: expected " + e.getMessage());
            return parsedDefault();
        }
    }

    /**
     * @param name the variable name
     * @param function which function reads it
     * @param defaultValue its default, or null
     * @param meaning one sentence for the docs
     * @return a free-text variable
     */
    public static Variable<String> text(String name, String function, String defaultValue, String meaning) {
        return new Variable<>(name, function, defaultValue, false, false, meaning, text -> text);
    }

    /**
     * @param name the variable name
     * @param function which function reads it
     * @param defaultValue its default, or null
     * @param min the smallest value accepted
     * @param max the largest value accepted
     * @param meaning one sentence for the docs
     * @return a whole-number variable
     */
    public static Variable<Long> integer(String name, String function, String defaultValue, long min, long max,
            String meaning) {
        return new Variable<>(name, function, defaultValue, false, false, meaning, text -> {
            try {
                long value = Long.parseLong(text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below, like an out-of-range number
            }
            throw new IllegalArgumentException("a whole number from " + min + " to " + max);
        });
    }

    /**
     * @param name the variable name
     * @param function which function reads it
     * @param defaultValue its default
     * @param meaning one sentence for the docs
     * @return a variable accepting true/false, yes/no, 1/0 in any case
     */
    public static Variable<Boolean> bool(String name, String function, String defaultValue, String meaning) {
        return new Variable<>(name, function, defaultValue, false, false, meaning, text -> {
            switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1":
                    return true;
                case "false", "no", "0":
                    return false;
                default:
                    throw new IllegalArgumentException("true or false");
            }
        });
    }

    /**
     * @param name the variable name
     * @param function which function reads it
     * @param defaultValue its default, one of the choices
     * @param meaning one sentence for the docs
     * @param choices the accepted values, lowercase; the value is matched ignoring case
     * @return a variable whose value is one of the choices, lowercased
     */
    public static Variable<String> choice(String name, String function, String defaultValue, String meaning,
            String... choices) {
        List<String> accepted = List.of(choices);
        return new Variable<>(name, function, defaultValue, false, false, meaning, text -> {
            String value = text.toLowerCase(Locale.ROOT);
            if (!accepted.contains(value)) {
                throw new IllegalArgumentException("one of " + String.join(", ", accepted));
            }
            return value;
        });
    }

    /**
     * @param name the variable name
     * @param function which function reads it
     * @param httpsOnly whether plain http is refused except for loopback hosts
     * @param meaning one sentence for the docs
     * @return an absolute http(s) URL variable without default
     */
    public static Variable<URI> url(String name, String function, boolean httpsOnly, String meaning) {
        return new Variable<>(name, function, null, false, false, meaning, text -> Urls.parse(text, httpsOnly));
    }

    /** @return a copy that start-up requires */
    public Variable<T> asRequired() {
        return new Variable<>(name, function, defaultValue, true, secret, meaning, parser);
    }

    /** @return a copy whose value is a credential: never shown in logs or errors */
    public Variable<T> asSecret() {
        return new Variable<>(name, function, defaultValue, required, true, meaning, parser);
    }

    /** @return the default, parsed, or null when there is none */
    public T parsedDefault() {
        return defaultValue == null ? null : parser.parse(defaultValue);
    }
}
