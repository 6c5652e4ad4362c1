package dev.s3notify.core.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words why input is not JSON. Jackson's own messages name its classes and features
 * ({@code FAIL_ON_TRAILING_TOKENS}, {@code StreamReadConstraints}) and quote the token it stopped at, which may be
 * part of a link; these never do.
 */
public final class JsonErrors {
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("Unexpected character \\('(.)' \\(code (\\d+)");

    private JsonErrors() {
    }

    /**
     * @param e what the parser threw
     * @return what is wrong and where, such as {@code it holds more than one JSON value (line 3, column 2)}
     */
    public static String describe(JsonProcessingException e) {
        return reason(e) + (e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }

    private static String reason(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return original.contains("nesting depth") ? "it is nested too deeply (more than 1000 levels)"
                    : "a value in it is too long for the parser's limits";
        }
        if (original.startsWith("Trailing token")) {
            return "it holds more than one JSON value; send one event (one object) at a time";
        }
        if (original.startsWith("Unexpected end-of-input")) {
            return "it ends before the JSON value does (truncated?)";
        }
        if (original.startsWith("Unrecognized token")) {
            return "it has a word that is not JSON (a string without quotes?)";
        }
        if (original.startsWith("Duplicate field")) {
            return "a key appears twice in one object";
        }
        if (original.startsWith("Invalid UTF-8")) {
            return "it is not valid UTF-8";
        }
        if (original.startsWith("Illegal unquoted character")) {
            return "a string in it holds a control character that JSON requires to be escaped";
        }
        if (original.startsWith("Unexpected close marker") || original.startsWith("Unexpected character ('"
                + "}'") || original.startsWith("Unexpected character (']'")) {
            return "a bracket or brace in it does not match";
        }
        Matcher character = UNEXPECTED_CHARACTER.matcher(original);
        if (character.lookingAt()) {
            int code = Integer.parseInt(character.group(2));
            return "it has an unexpected character " + (code >= 0x21 && code < 0x7F ? "'" + character.group(1) + "'"
                    : String.format("U+%04X", code));
        }
        return "it is not valid JSON";
    }
}
