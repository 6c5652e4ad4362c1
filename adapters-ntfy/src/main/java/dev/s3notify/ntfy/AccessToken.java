package dev.s3notify.ntfy;

import java.util.Objects;

/** {@code NTFY_ACCESS_TOKEN}: a credential whose {@link #toString()} never shows it. */
final class AccessToken {
    private final String value;

    /** @param value the token, {@code tk_…} */
    AccessToken(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** @return the {@code Authorization} header's value; the one place the token is used */
    String header() {
        return "Bearer " + value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessToken token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "AccessToken[<secret>]";
    }
}
