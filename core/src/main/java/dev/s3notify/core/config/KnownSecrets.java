package dev.s3notify.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.support.Secret;
import dev.s3notify.spi.Variable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The secrets the environment gives a function, collected once at start-up so that nothing a server sends back can
 * quote them: the values of every variable declared secret (and, for a JSON object such as
 * {@code WEBHOOK_HEADERS}, each of its string values; for a Standard Webhooks secret, its key without the
 * {@code whsec_} prefix), and the AWS credentials Lambda sets.
 */
public final class KnownSecrets {
    private static final List<String> AWS = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN");
    private static final ObjectMapper JSON = new ObjectMapper();

    private KnownSecrets() {
    }

    /**
     * @param env the environment, read once at the edge
     * @param variables the variables read (core's and the chosen kind's); those marked secret count
     * @return every secret value found, each also in the forms it may be sent in
     */
    public static List<Secret> in(Map<String, String> env, List<Variable<?>> variables) {
        List<String> values = new ArrayList<>();
        for (Variable<?> variable : variables) {
            if (variable.secret()) {
                add(values, env.get(variable.name()));
            }
        }
        AWS.forEach(name -> add(values, env.get(name)));
        return values.stream().filter(value -> !value.isBlank()).distinct().map(Secret::of).toList();
    }

    private static void add(List<String> values, String value) {
        if (value == null) {
            return;
        }
        String text = value.strip();
        values.add(text);
        if (text.startsWith("whsec_")) {
            values.add(text.substring("whsec_".length()));
        }
        if (text.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(text);
                node.forEach(field -> {
                    if (field.isTextual()) {
                        values.add(field.asText());
                    }
                });
            } catch (IOException e) {
                // not JSON after all: the whole value is already listed
            }
        }
    }
}
