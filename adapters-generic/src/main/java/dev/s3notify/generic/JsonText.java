package dev.s3notify.generic;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON string escaping for template values, and a parser whose errors never quote more than a character or two. */
final class JsonText {
    /** Reads JSON; its error messages show no source and cut tokens to a couple of characters. */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(0).maxRawContentLength(0).build())
            .build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /**
     * Escapes text for the inside of a JSON string: quote, backslash, control characters, and U+2028/U+2029
     * (valid JSON, but line breaks to JavaScript). Everything else, unicode included, is kept as is.
     *
     * @param text any text
     * @return the text, safe between double quotes in a JSON document
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * @param text text that should be exactly one JSON value
     * @param sayWhy whether the message may say what was found (a character or two of the text); false for
     *     secrets, whose message then only says where
     * @return the parsed value
     * @throws IllegalArgumentException saying where and why it is not, without quoting the text
     */
    static JsonNode read(String text, boolean sayWhy) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            // A secret's parse error keeps no cause: Jackson's message quotes the start of the offending token.
            throw sayWhy ? new IllegalArgumentException(e.getOriginalMessage() + where, e)
                    : new IllegalArgumentException("not valid JSON" + where);
        }
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("no JSON value: the text is empty");
        }
        return node;
    }
}
