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

/**
 * Reads parameters from AWS Systems Manager Parameter Store ({@code GetParameter}, decrypting SecureStrings).
 * Thread-safe; never logs a value.
 */
public final class ParameterStoreClient {
    private static final Log LOG = Log.of(ParameterStoreClient.class);

    private final AwsJsonClient client;

    ParameterStoreClient(AwsJsonClient client) {
        this.client = client;
    }

    /**
     * @param endpointOrNull an endpoint override, or null for {@code https://ssm.{region}.amazonaws.com}
     * @param region the region of the parameters
     * @param credentials the function's credentials
     * @param timeout how long one call may wait for its response
     * @return the client
     */
    public static ParameterStoreClient create(URI endpointOrNull, String region, CredentialsProvider credentials,
            Duration timeout) {
        return new ParameterStoreClient(AwsJsonClient.create("ssm", endpointOrNull, region, credentials, timeout));
    }

    /**
     * @param name the parameter's name or ARN
     * @return its value, decrypted when it is a SecureString
     * @throws ConfigurationException when the parameter is missing ({@code ParameterNotFound}) or forbidden,
     *     naming it
     * @throws S3NotifyException when Parameter Store could not be reached or failed, naming the parameter
     */
    public Secret parameter(String name) {
        Objects.requireNonNull(name, "name");
        String what = "SSM parameter '" + name + "'";
        JsonNode response;
        try {
            response = client.call("AmazonSSM.GetParameter",
                    AwsJsonClient.JSON.createObjectNode().put("Name", name).put("WithDecryption", true));
        } catch (AwsCallException e) {
            throw e.reading(what);
        }
        JsonNode parameter = response.path("Parameter");
        String value = AwsJsonClient.text(parameter, "Value");
        if (value == null) {
            throw new S3NotifyException("Cannot read " + what + ": the GetParameter response has no Parameter.Value");
        }
        LOG.info("parameter read", "name", name, "type", AwsJsonClient.text(parameter, "Type"),
                "version", parameter.path("Version").asLong());
        return Secret.of(value);
    }
}
