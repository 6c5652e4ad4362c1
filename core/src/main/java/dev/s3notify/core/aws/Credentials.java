package dev.s3notify.core.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK credentials provider a session signs with, made on first use and made again after {@link #forget()}: the
 * SDK's providers cache what they fetch, and a SnapStart snapshot must hold none of it. It fetches nothing itself.
 */
final class Credentials implements AwsCredentialsProvider {
    private final Supplier<AwsCredentialsProvider> factory;
    private final boolean forgets;
    private volatile AwsCredentialsProvider current;
    private volatile AwsCredentials resolved;

    private Credentials(Supplier<AwsCredentialsProvider> factory, boolean forgets) {
        this.factory = factory;
        this.forgets = forgets;
    }

    /** @return a provider made by {@code factory} on first use, and again on first use after each forget */
    static Credentials refreshable(Supplier<AwsCredentialsProvider> factory) {
        return new Credentials(factory, true);
    }

    /** @return the given provider, kept across forget (tests, placeholder keys: nothing fetched to forget) */
    static Credentials fixed(AwsCredentialsProvider provider) {
        return new Credentials(() -> provider, false);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentials credentials = provider().resolveCredentials();
        resolved = credentials;
        return credentials;
    }

    /**
     * @return the credentials last handed to a client, or null: what an AWS error could quote back (a session token
     *     fetched from the container endpoint is in no environment variable)
     */
    AwsCredentials lastResolved() {
        return resolved;
    }

    private AwsCredentialsProvider provider() {
        AwsCredentialsProvider provider = current;
        if (provider != null) {
            return provider;
        }
        synchronized (this) {
            if (current == null) {
                current = factory.get();
            }
            return current;
        }
    }

    /** Drops the provider and what it cached. */
    void forget() {
        if (!forgets) {
            return;
        }
        AwsCredentialsProvider old;
        synchronized (this) {
            old = current;
            current = null;
            resolved = null;
        }
        if (old instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        AwsCredentialsProvider provider = current;
        return "Credentials[" + (provider == null ? "not yet made" : provider.getClass().getSimpleName()) + "]";
    }
}
