package dev.s3notify.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.ConfigurationException;
import dev.s3notify.core.CredentialsProvider;
import dev.s3notify.core.Log;
import dev.s3notify.core.S3NotifyException;
import dev.s3notify.core.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** Reads text secrets from AWS Secrets Manager ({@code GetSecretValue}). Thread-safe; never logs a value. */
public final class SecretsManagerClient {
    private static final Log LOG = Log.of(SecretsManagerClient.class);

    private final AwsJsonClient client;

    SecretsManagerClient(AwsJsonClient client) {
        this.client = client;
    }

    /**
     * @param endpointOrNull an endpoint override ({@code AWS_ENDPOINT_URL_SECRETS_MANAGER}), or null for
     *     {@code https://secretsmanager.{region}.amazonaws.com}
     * @param region the region of the secrets
     * @param credentials the function's credentials
     * @param timeout how long one call may wait for its response
     * @return the client
     */
    public static SecretsManagerClient create(URI endpointOrNull, String region, CredentialsProvider credentials,
            Duration timeout) {
        return new SecretsManagerClient(AwsJsonClient.create("secretsmanager", endpointOrNull, region, credentials,
                timeout));
    }

    /**
     * @param secretId the secret's ARN or name
     * @return its current {@code SecretString}
     * @throws ConfigurationException when the secret is missing, forbidden, or holds binary data, naming it
     * @throws S3NotifyException when Secrets Manager could not be reached or failed, naming the secret
     */
    public Secret secretString(String secretId) {
        Objects.requireNonNull(secretId, "secretId");
        String what = "Secrets Manager secret '" + secretId + "'";
        JsonNode response;
        try {
            response = client.call("secretsmanager.GetSecretValue",
                    AwsJsonClient.JSON.createObjectNode().put("SecretId", secretId));
        } catch (AwsCallException e) {
            throw e.reading(what);
        }
        String value = AwsJsonClient.text(response, "SecretString");
        if (value == null) {
            throw new ConfigurationException(what + " has no SecretString (binary secrets are not supported);"
                    + " store the value as text");
        }
        LOG.info("secret read", "secretId", secretId, "versionId", AwsJsonClient.text(response, "VersionId"));
        return Secret.of(value);
    }
}
