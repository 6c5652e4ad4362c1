package dev.s3notify.generic;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3notify.core.input.JsonErrors;

/**
 * JSON string escaping for template values (Jackson's), and a parser whose errors never quote more than a
 * character or two of the text.
 */
final class JsonText {
    /** Reads JSON; its error messages show no source and cut tokens to a couple of characters. */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(0).maxRawContentLength(0).build())
            .build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonText() {
    }

    /**
     * Escapes text for the inside of a JSON string, as Jackson writes string values: quote, backslash and control
     * characters. Everything else, unicode included, is kept as is.
     *
     * @param text any text
     * @return the text, safe between double quotes in a JSON document
     */
    static String escape(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
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
            // Jackson's message quotes the offending token, which may be part of a link or a secret: keep no cause,
            // and leave the token out.
            throw new IllegalArgumentException(sayWhy ? JsonErrors.describe(e) : "not valid JSON" + where);
        }
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("no JSON value: the text is empty");
        }
        return node;
    }
}
