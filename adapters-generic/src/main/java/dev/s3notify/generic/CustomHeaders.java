package dev.s3notify.generic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Parses {@code WEBHOOK_HEADERS}: a JSON object of header names to string values, such as an API key. The values
 * may be credentials, so no message ever shows one; a name is shown only once it is known to be a valid token.
 */
final class CustomHeaders {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Set by the sender or the HTTP client, or refused by Java's HTTP client. */
    private static final Set<String> RESERVED = Set.of("content-type", "content-length", "host", "connection",
            "expect", "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");
    private static final String EXPECTED = "a JSON object of header names to string values, such as"
            + " {\"X-Api-Key\": \"...\"}";

    private CustomHeaders() {
    }

    /**
     * @param text the variable's trimmed text
     * @return the headers, in the order given
     * @throws IllegalArgumentException saying what was expected and every problem found, never a value
     */
    static Map<String, String> parse(String text) {
        JsonNode node;
        try {
            node = JsonText.read(text, false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(EXPECTED + " (" + e.getMessage() + ")");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(EXPECTED + " (found a JSON " + kind(node) + ")");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> problems = new ArrayList<>();
        int position = 0;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            position++;
            String problem = problem(field.getKey(), field.getValue(), position, seen);
            if (problem != null) {
                problems.add(problem);
            } else {
                headers.put(field.getKey(), field.getValue().asText());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(EXPECTED + "; " + String.join("; ", problems));
        }
        return Collections.unmodifiableMap(headers);
    }

    private static String problem(String name, JsonNode value, int position, Set<String> seen) {
        if (!TOKEN.matcher(name).matches()) {
            return "header name #" + position + " is not an HTTP token (letters, digits and !#$%&'*+.^_`|~-, no"
                    + " spaces or colons)";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("content-type")) {
            return "'" + name + "' cannot be set here; set WEBHOOK_CONTENT_TYPE";
        }
        if (RESERVED.contains(lower)) {
            return "'" + name + "' is set by the HTTP client";
        }
        if (lower.equals("user-agent")) {
            // The sender adds its own; a second one would send the header twice.
            return "'" + name + "' is set by the dispatcher (s3-notify)";
        }
        if (lower.startsWith("webhook-")) {
            return "'" + name + "' is reserved for Standard Webhooks signing (webhook-id, webhook-timestamp,"
                    + " webhook-signature); set WEBHOOK_SIGNING_SECRET to sign";
        }
        if (!seen.add(name)) {
            return "'" + name + "' is given twice";
        }
        if (!value.isTextual()) {
            return "the value of '" + name + "' is a JSON " + kind(value) + ", not a string";
        }
        if (value.asText().chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
            return "the value of '" + name + "' holds a line break or another control character";
        }
        if (value.asText().chars().anyMatch(c -> c > 0xFF)) {
            // Java's HTTP client refuses such a value at the first send, quoting it; refused here, unquoted.
            return "the value of '" + name + "' holds a character outside Latin-1 (ISO-8859-1), which an HTTP header"
                    + " cannot carry; percent- or base64-encode it as the receiver expects";
        }
        return null;
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
