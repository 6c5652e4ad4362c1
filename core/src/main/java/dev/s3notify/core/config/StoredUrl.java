package dev.s3notify.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.input.Urls;
import dev.s3notify.core.support.Json;
import dev.s3notify.core.support.Secret;
import java.io.IOException;
import java.net.URI;

/** Reads a webhook URL stored in Secrets Manager or SSM: the URL itself, or JSON with a {@code url} field. */
public final class StoredUrl {
    private StoredUrl() {
    }

    public static URI parse(Secret stored, String where, Settings settings) {
        String text = stored.reveal().strip();
        if (text.startsWith("{")) {
            try {
                JsonNode url = Json.MAPPER.readTree(text).get("url");
                text = url == null || !url.isTextual() ? "" : url.asText().strip();
            } catch (IOException e) {
                text = "";
            }
            if (text.isEmpty()) {
                settings.problem(where + ": the stored value is JSON without a \"url\" text field");
                return null;
            }
        }
        try {
            return Urls.destination(text);
        } catch (IllegalArgumentException e) {
            settings.problem(where + ": the stored value is not a webhook URL: expected " + e.getMessage());
            return null;
        }
    }
}
