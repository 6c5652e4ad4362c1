package dev.s3notify.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads the long-term signing keys of {@code LINK_SIGNING_SECRET_ARN} from the secret's JSON text. */
final class SigningKeys {
    private SigningKeys() {
    }

    static AwsCredentials fromSecret(Secret secretString, String arn) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(secretString.reveal());
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
        return new AwsCredentials(id, Secret.of(key), null, null);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
