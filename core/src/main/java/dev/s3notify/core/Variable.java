package dev.s3notify.core;

import java.util.Objects;

/**
 * One environment variable s3-notify reads: the single place its default lives. The README's variable table and
 * {@code docs/configuration.md} are checked against these declarations by a test.
 *
 * @param name the variable name, such as {@code URL_EXPIRATION_SECONDS}
 * @param function which function reads it: {@code link-generator}, {@code webhook-dispatcher} or {@code both}
 * @param defaultValue the value used when it is unset or blank, or null when there is none
 * @param required whether start-up fails without it
 * @param secret whether its value is a credential that must never be logged or echoed in an error
 * @param meaning one sentence for the docs
 */
public record Variable(String name, String function, String defaultValue, boolean required, boolean secret,
        String meaning) {

    /** Rejects a missing name, function or meaning. */
    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(meaning, "meaning");
    }

    /**
     * @param name the variable name
     * @param function which function reads it
     * @param defaultValue its default
     * @param meaning one sentence for the docs
     * @return an optional, non-secret variable with a default
     */
    public static Variable optional(String name, String function, String defaultValue, String meaning) {
        return new Variable(name, function, defaultValue, false, false, meaning);
    }
}
