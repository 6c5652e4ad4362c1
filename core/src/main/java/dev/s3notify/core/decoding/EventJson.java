package dev.s3notify.core.decoding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.input.AwsNames;
import dev.s3notify.core.text.SafeText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fields of incoming events and describes what was found instead. Whatever is quoted from the input is cut
 * to {@link #QUOTE_LIMIT} characters, so a huge or hostile event never ends up whole in a message or a log line.
 */
public final class EventJson {
    static final int QUOTE_LIMIT = SafeText.QUOTE_LIMIT;
    /** Ids are named in every message about their event, and are input too: they are cut shorter. */
    public static final int ID_LIMIT = 80;

    private EventJson() {
    }

    /** @return the text in double quotes, cut to {@code limit} characters and marked with an ellipsis when cut */
    static String quote(String text, int limit) {
        return '"' + cut(text, limit) + '"';
    }

    /** @return what a node is, for "found ..." in messages, such as {@code an object with keys [foo, bar]} */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            if (node.isEmpty()) {
                return "an empty object";
            }
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            return "an object with keys [" + cut(String.join(", ", keys), QUOTE_LIMIT) + "]";
        }
        if (node.isArray()) {
            return "an array of " + node.size() + (node.size() == 1 ? " item" : " items");
        }
        if (node.isTextual()) {
            return "a string " + quote(node.asText(), QUOTE_LIMIT);
        }
        return (node.isNumber() ? "a number " : node.isBoolean() ? "a boolean " : "a value ")
                + cut(node.asText(), QUOTE_LIMIT);
    }

    /** @return the field's text when it is a string, else null */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /**
     * @param path dot-separated field names, such as {@code s3.bucket.name}
     * @return the non-empty string at that path
     * @throws InvalidEventException naming the context, the path and what is there instead
     */
    static String requireText(JsonNode root, String context, String path) {
        JsonNode value = at(root, path);
        if (value != null && value.isTextual() && !value.asText().isEmpty()) {
            return value.asText();
        }
        throw new InvalidEventException(context + ": expected " + path + " (a non-empty string) but " + found(root, path));
    }

    /** @return the string at the path, or null when it is absent, null or empty; an error when it is not a string */
    static String optionalText(JsonNode root, String context, String path) {
        JsonNode value = at(root, path);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isEmpty()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        throw new InvalidEventException(context + ": expected " + path + " to be a string but " + found(root, path));
    }

    /** @return the whole number at the path, or null when absent; an error when it is not a whole number from 0 */
    static Long optionalSize(JsonNode root, String context, String path) {
        JsonNode value = at(root, path);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0) {
            return value.asLong();
        }
        throw new InvalidEventException(context + ": expected " + path + " to be a size in bytes (a whole number"
                + " from 0) but " + found(root, path));
    }

    /** @return the ISO-8601 instant at the path, or null when absent; an error when it does not parse */
    static Instant optionalInstant(JsonNode root, String context, String path) {
        String text = optionalText(root, context, path);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(context + ": expected " + path + " to be an ISO-8601 time such as"
                    + " 2024-05-01T12:00:00Z but it is " + quote(text, QUOTE_LIMIT), e);
        }
    }

    /**
     * @return the region at the path, or null when absent or empty
     * @throws InvalidEventException when it is not a string or not shaped like an AWS region: it becomes part of
     *     a link's host
     */
    static String optionalRegion(JsonNode root, String context, String path) {
        String region = optionalText(root, context, path);
        if (region != null && !AwsNames.isRegion(region)) {
            throw new InvalidEventException(context + ": expected " + path + " to be " + AwsNames.REGION_EXPECTED
                    + " but it is " + quote(region, QUOTE_LIMIT));
        }
        return region;
    }

    /**
     * @return the bucket name at the path
     * @throws InvalidEventException when it is missing or not a bucket name S3 could have given
     */
    static String requireBucket(JsonNode root, String context, String path) {
        String bucket = requireText(root, context, path);
        if (!AwsNames.isBucket(bucket)) {
            throw new InvalidEventException(context + ": expected " + path + " to be " + AwsNames.BUCKET_EXPECTED
                    + " but it is " + quote(bucket, QUOTE_LIMIT));
        }
        return bucket;
    }

    /**
     * @param key the decoded key
     * @return it, when S3 could have stored it
     * @throws InvalidEventException when it is longer than S3's 1,024 bytes
     */
    static String checkedKey(String key, String context, String path) {
        if (!AwsNames.isKeyLength(key)) {
            throw new InvalidEventException(context + ": expected " + path + " to be an S3 key of at most "
                    + AwsNames.KEY_MAX_BYTES + " bytes (UTF-8) but it is longer: " + quote(key, QUOTE_LIMIT));
        }
        return key;
    }

    /** @return the etag without the double quotes HTTP puts around it; the model stores it bare */
    static String unquoted(String eTag) {
        return eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1) : eTag;
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            node = node == null ? null : node.get(name);
        }
        return node;
    }

    private static String found(JsonNode root, String path) {
        String[] names = path.split("\\.");
        JsonNode node = root;
        String walked = "";
        for (String name : names) {
            String parent = walked;
            walked = walked.isEmpty() ? name : walked + "." + name;
            if (!node.isObject()) {
                return parent + " is " + describe(node);
            }
            node = node.get(name);
            if (node == null) {
                return walked + " is missing";
            }
        }
        return walked + " is " + describe(node);
    }

    /**
     * @return the text cut to {@code limit} characters, marked with an ellipsis when cut, with links shown by host,
     *     credentials redacted and control and bidi characters removed ({@link SafeText#cut})
     */
    public static String cut(String raw, int limit) {
        return SafeText.cut(raw, limit);
    }
}
