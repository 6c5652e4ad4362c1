package dev.s3notify.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.support.Json;
import dev.s3notify.core.support.Secret;
import dev.s3notify.core.support.UrlSecrets;
import dev.s3notify.spi.Variable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The secrets the environment gives a function, collected once at start-up so that nothing a server sends back can
 * quote them: the values of every variable declared secret (and, for a JSON object such as
 * {@code WEBHOOK_HEADERS}, each of its string values; for a Standard Webhooks secret, its key without the
 * {@code whsec_} prefix; for a URL, its long path segments and query values), the values of variables whose name
 * says they hold a secret (a plugin's {@code *_TOKEN}, {@code *_SECRET}, {@code *_PASSWORD}, {@code *_HEADERS},
 * {@code *_API_KEY}, declared or not), and the AWS credentials Lambda sets. AWS errors and webhook replies are
 * redacted of them alike.
 */
public final class KnownSecrets {
    private static final List<String> AWS = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN");
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
            "[A-Z0-9_]*_(?:TOKEN|SECRET|SECRET_KEY|PASSWORD|HEADERS|API_KEY)");

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
        env.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                add(values, value);
            }
        });
        AWS.forEach(name -> add(values, env.get(name)));
        return values.stream().filter(value -> !value.isBlank()).distinct().map(Secret::of).toList();
    }

    /**
     * @param url a webhook URL read from elsewhere (Secrets Manager, SSM), or null
     * @return the URL and its secret parts (long path segments, query values), raw and decoded
     */
    public static List<Secret> url(Secret url) {
        List<String> values = new ArrayList<>();
        if (url != null) {
            add(values, url.reveal());
        }
        return values.stream().filter(value -> !value.isBlank()).distinct().map(Secret::of).toList();
    }

    private static void addUrlParts(List<String> values, String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            return;
        }
        values.addAll(UrlSecrets.parts(uri));
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
        if (text.startsWith("http://") || text.startsWith("https://")) {
            addUrlParts(values, text);
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
