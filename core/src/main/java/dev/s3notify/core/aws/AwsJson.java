package dev.s3notify.core.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.s3notify.core.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The few small AWS JSON 1.1 bodies {@link SignedJsonCall} sends and reads, with Jackson's streaming API, through
 * the shared mapper's factory ({@link Json}): a flat request object, and the scalar fields of an answer's top
 * level or of one nested object. Never puts a parser's message anywhere, as it may quote a secret value.
 */
final class AwsJson {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private AwsJson() {
    }

    /**
     * @param fields names and values: {@link String}, {@link Boolean} or {@link Number}
     * @return the UTF-8 JSON object of them, in the order given
     */
    static byte[] object(Object... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            for (int i = 0; i < fields.length; i += 2) {
                json.writeFieldName((String) fields[i]);
                Object value = fields[i + 1];
                if (value instanceof Boolean b) {
                    json.writeBoolean(b);
                } else if (value instanceof Number n) {
                    json.writeNumber(n.longValue());
                } else {
                    json.writeString((String) value);
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a JSON request body", e);
        }
        return out.toByteArray();
    }

    /**
     * @param body an answer's body
     * @param nested the name of a top-level object whose scalar fields to read instead of the top level's, or null
     * @return the scalar fields (strings, numbers and booleans, as text) of the top level or of {@code nested};
     *     objects and arrays elsewhere are skipped
     * @throws NotJson when the body is not one JSON object
     */
    static Map<String, String> fields(byte[] body, String nested) throws NotJson {
        Map<String, String> found = new HashMap<>();
        try (JsonParser json = FACTORY.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new NotJson();
            }
            read(json, nested, found, nested == null);
            if (json.nextToken() != null) {
                throw new NotJson();
            }
        } catch (IOException e) {
            throw new NotJson();
        }
        return found;
    }

    /** Reads the object the parser is at the start of; keeps its scalars when {@code keep}. */
    private static void read(JsonParser json, String nested, Map<String, String> found, boolean keep)
            throws IOException {
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_OBJECT) {
            if (token != JsonToken.FIELD_NAME) {
                throw new IOException("a field name was expected");
            }
            String name = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.START_OBJECT && !keep && name.equals(nested)) {
                read(json, null, found, true);
            } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                json.skipChildren();
            } else if (keep && value != JsonToken.VALUE_NULL) {
                found.put(name, json.getText());
            }
        }
    }

    /** The body was not a JSON object; deliberately without the parser's message. */
    static final class NotJson extends Exception {
        private static final long serialVersionUID = 1L;

        NotJson() {
            super("not a JSON object", null, false, false);
        }
    }
}
