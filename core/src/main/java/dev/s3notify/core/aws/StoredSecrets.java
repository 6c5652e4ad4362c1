package dev.s3notify.core.aws;

import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.support.Secret;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Text secrets read at start-up: Secrets Manager's GetSecretValue and SSM Parameter Store's GetParameter (SecureStrings
 * decrypted), each one signed AWS JSON request ({@link SignedJsonCall}) rather than a service client of the SDK, whose
 * construction would cost more at cold start than everything else the dispatcher does. Never logs a value.
 * Thread-safe.
 */
public final class StoredSecrets {
    private static final Log LOG = Log.of(StoredSecrets.class);

    private final SignedJsonCall secretsManager;
    private final SignedJsonCall ssm;

    /**
     * @param session region, credentials, HTTP client
     * @param secretsEndpoint the Secrets Manager endpoint override, or null
     * @param ssmEndpoint the SSM endpoint override, or null
     */
    public StoredSecrets(AwsSession session, URI secretsEndpoint, URI ssmEndpoint) {
        this(new SignedJsonCall(session, endpoint(session, secretsEndpoint, "secretsmanager"), "secretsmanager",
                "secretsmanager"), new SignedJsonCall(session, endpoint(session, ssmEndpoint, "ssm"), "ssm",
                        "AmazonSSM"));
    }

    /** @return the override, else AWS's own endpoint, worked out when first asked for */
    private static Supplier<URI> endpoint(AwsSession session, URI override, String service) {
        return override != null ? () -> override : () -> session.endpoint(service);
    }

    StoredSecrets(SignedJsonCall secretsManager, SignedJsonCall ssm) {
        this.secretsManager = secretsManager;
        this.ssm = ssm;
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
        Map<String, String> response = answer(secretsManager, "GetSecretValue", what, null, "SecretId", secretId);
        String value = response.get("SecretString");
        if (value == null) {
            throw new ConfigurationException(what + " has no SecretString (binary secrets are not supported);"
                    + " store the value as text");
        }
        LOG.info("secret read", "secretId", secretId, "versionId", response.get("VersionId"));
        return Secret.of(value);
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
        Map<String, String> parameter = answer(ssm, "GetParameter", what, "Parameter", "Name", name,
                "WithDecryption", true);
        String value = parameter.get("Value");
        if (value == null) {
            throw new S3NotifyException("Cannot read " + what + ": the GetParameter response has no Parameter.Value");
        }
        LOG.info("parameter read", "name", name, "type", parameter.get("Type"), "version", parameter.get("Version"));
        return Secret.of(value);
    }

    /** @return the answer's scalar fields (of its {@code nested} object when given) */
    private static Map<String, String> answer(SignedJsonCall service, String operation, String what, String nested,
            Object... request) {
        byte[] body;
        try {
            body = service.call(operation, AwsJson.object(request));
        } catch (SdkException e) {
            throw reading(what, e);
        }
        try {
            return AwsJson.fields(body, nested);
        } catch (AwsJson.NotJson e) {
            // Never the parser's words: they may quote the value.
            throw new S3NotifyException("Cannot read " + what + ": the " + operation + " answer is not JSON");
        }
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
