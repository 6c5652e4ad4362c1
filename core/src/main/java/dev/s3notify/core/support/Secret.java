package dev.s3notify.core.support;

import java.util.Objects;

/**
 * A credential: a webhook URL, a signing secret, an AWS secret key. {@link #toString()} never shows it; code
 * must call {@link #reveal()} on purpose, at the one place the value is used.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * @param value the secret text, not null
     * @return the wrapped secret
     */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** @return the secret text itself; never log it */
    public String reveal() {
        return value;
    }

    /** @return a fixed mask; the value never reaches a log through string concatenation */
    @Override
    public String toString() {
        return "******";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
