package dev.s3notify.core.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.support.Json;
import dev.s3notify.core.support.Secret;
import java.io.IOException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The long-term signing keys of {@code LINK_SIGNING_SECRET_ARN}: an IAM user's key pair stored as JSON in Secrets
 * Manager, read on first use and read again after each {@code forget} (SnapStart).
 */
public final class SigningKeys {
    private SigningKeys() {
    }

    /**
     * @param secrets where the secret is read from
     * @param arn the secret
     * @return credentials that read the secret now (so a missing or malformed secret fails the cold start) and
     *     again on first use after each forget
     * @throws ConfigurationException when the secret is missing, forbidden or malformed
     */
    public static AwsCredentialsProvider read(StoredSecrets secrets, String arn) {
        Credentials keys = Credentials.refreshable(() -> StaticCredentialsProvider.create(
                fromSecret(secrets.secretString(arn), arn)));
        keys.resolveCredentials();
        return keys;
    }

    static AwsBasicCredentials fromSecret(Secret secretString, String arn) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(secretString.reveal());
        } catch (IOException e) {
            // The parser's message may quote the secret: leave it out.
            throw new ConfigurationException("LINK_SIGNING_SECRET_ARN=" + arn + ": the secret is not JSON; store"
                    + " {\"accessKeyId\":\"AKIA...\",\"secretAccessKey\":\"...\"}");
        }
        String id = text(json, "accessKeyId");
        String key = text(json, "secretAccessKey");
        if (id == null || key == null) {
            throw new ConfigurationException("LINK_SIGNING_SECRET_ARN=" + arn + ": the secret lacks accessKeyId or"
                    + " secretAccessKey; store {\"accessKeyId\":\"AKIA...\",\"secretAccessKey\":\"...\"}");
        }
        return AwsBasicCredentials.create(id, key);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
