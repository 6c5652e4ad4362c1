package dev.s3notify.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;

/** The documented custom-notification schema ({@code schemas/custom-notification.schema.json}), as a check. */
final class CustomNotificationSchema {
    private static final JsonSchema SCHEMA = load();

    private CustomNotificationSchema() {
    }

    /** @return what the schema finds wrong with the body; empty when it is a valid custom notification */
    static Set<ValidationMessage> problems(JsonNode body) {
        return SCHEMA.validate(body);
    }

    static void assertValid(JsonNode body) {
        assertThat(problems(body)).as("custom-notification schema").isEmpty();
    }

    private static JsonSchema load() {
        try (InputStream in = CustomNotificationSchema.class.getResourceAsStream(
                "/schemas/custom-notification.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
