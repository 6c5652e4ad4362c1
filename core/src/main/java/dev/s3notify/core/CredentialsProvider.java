package dev.s3notify.core;

/** Supplies current AWS credentials; implementations refresh temporary credentials before they expire. */
@FunctionalInterface
public interface CredentialsProvider {
    /**
     * @return credentials valid now
     * @throws ConfigurationException when no credentials can be found, saying where it looked
     */
    AwsCredentials credentials();

    /**
     * Drops whatever this provider has cached, so that the next {@link #credentials()} fetches anew. Called before a
     * Lambda SnapStart snapshot is taken and after it is restored: a snapshot must hold no credentials. Providers
     * that cache nothing need not implement it.
     */
    default void forget() {
    }
}
