package dev.s3notify.core.aws;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.support.Secret;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Text secrets read at start-up: Secrets Manager's GetSecretValue and SSM Parameter Store's GetParameter (SecureStrings
 * decrypted), through the SDK's clients. Never logs a value. Thread-safe.
 */
public final class StoredSecrets {
    private static final Log LOG = Log.of(StoredSecrets.class);

    private final AwsSession session;
    private final URI secretsEndpoint;
    private final URI ssmEndpoint;

    /**
     * @param session region, credentials, HTTP client
     * @param secretsEndpoint the Secrets Manager endpoint override, or null
     * @param ssmEndpoint the SSM endpoint override, or null
     */
    public StoredSecrets(AwsSession session, URI secretsEndpoint, URI ssmEndpoint) {
        this.session = session;
        this.secretsEndpoint = secretsEndpoint;
        this.ssmEndpoint = ssmEndpoint;
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
        GetSecretValueResponse response;
        try (SecretsManagerClient client = session.configure(SecretsManagerClient.builder(), secretsEndpoint, null)
                .build()) {
            response = client.getSecretValue(b -> b.secretId(secretId));
        } catch (SdkException e) {
            throw reading(what, e);
        }
        if (response.secretString() == null) {
            throw new ConfigurationException(what + " has no SecretString (binary secrets are not supported);"
                    + " store the value as text");
        }
        LOG.info("secret read", "secretId", secretId, "versionId", response.versionId());
        return Secret.of(response.secretString());
    }

    /**
     * @param name the parameter's name or ARN
     * @return its value, decrypted when it is a SecureString
     * @throws ConfigurationException when the parameter is missing or forbidden, naming it
     * @throws S3NotifyException when Parameter Store could not be reached or failed, naming the parameter
     */
    public Secret parameter(String name) {
        Objects.requireNonNull(name, "name");
        String what = "SSM parameter '" + name + "'";
        Parameter parameter;
        try (SsmClient client = session.configure(SsmClient.builder(), ssmEndpoint, null).build()) {
            parameter = client.getParameter(b -> b.name(name).withDecryption(true)).parameter();
        } catch (SdkException e) {
            throw reading(what, e);
        }
        if (parameter == null || parameter.value() == null) {
            throw new S3NotifyException("Cannot read " + what + ": the GetParameter response has no Parameter.Value");
        }
        LOG.info("parameter read", "name", name, "type", parameter.typeAsString(), "version", parameter.version());
        return Secret.of(parameter.value());
    }

    /** A refusal for good (missing, forbidden) is a configuration problem; anything else may pass. */
    private static S3NotifyException reading(String what, SdkException e) {
        String message = "Cannot read " + what + ": " + AwsErrors.describe(e);
        if (AwsErrors.refused(e)) {
            ConfigurationException refused = new ConfigurationException(message
                    + " (check that it exists in this region and that the function's role may read it)");
            refused.initCause(e);
            return refused;
        }
        return new S3NotifyException(message, e);
    }
}
