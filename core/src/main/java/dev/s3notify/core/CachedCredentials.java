package dev.s3notify.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Credentials loaded on first use (the long-term keys of {@code LINK_SIGNING_SECRET_ARN}) and kept until
 * {@link #forget()}, which also makes the provider they were read with forget its own.
 */
final class CachedCredentials implements CredentialsProvider {
    private final Supplier<AwsCredentials> loader;
    private final CredentialsProvider readWith;
    private volatile AwsCredentials cached;

    /**
     * @param loader reads the credentials, calling AWS with {@code readWith}
     * @param readWith the credentials the loader calls AWS with
     */
    CachedCredentials(Supplier<AwsCredentials> loader, CredentialsProvider readWith) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.readWith = Objects.requireNonNull(readWith, "readWith");
    }

    @Override
    public AwsCredentials credentials() {
        AwsCredentials current = cached;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (cached == null) {
                cached = loader.get();
            }
            return cached;
        }
    }

    @Override
    public void forget() {
        synchronized (this) {
            cached = null;
        }
        readWith.forget();
    }
}
