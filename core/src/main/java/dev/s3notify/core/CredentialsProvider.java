package dev.s3notify.core;

/** Supplies current AWS credentials; implementations refresh temporary credentials before they expire. */
@FunctionalInterface
public interface CredentialsProvider {
    /**
     * @return credentials valid now
     * @throws ConfigurationException when no credentials can be found, saying where it looked
     */
    AwsCredentials credentials();
}
