package dev.s3notify.generic;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code WEBHOOK_CONTENT_TYPE} value: {@code type/subtype} with optional parameters (RFC 9110 section 8.3.1).
 *
 * @param value the media type as given, sent as the Content-Type
 * @param json whether the body must be JSON: a subtype of {@code json} or ending in {@code +json}
 */
record MediaType(String value, boolean json) {
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[\\t\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\t\\x20-\\x7E])*\"";
    private static final Pattern MEDIA_TYPE = Pattern.compile("(" + TOKEN + ")/(" + TOKEN + ")"
            + "(?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))*");

    MediaType {
        Objects.requireNonNull(value, "value");
    }

    /**
     * @param text the variable's trimmed text
     * @return the media type
     * @throws IllegalArgumentException saying what was expected
     */
    static MediaType parse(String text) {
        Matcher matcher = MEDIA_TYPE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a media type such as application/json or text/plain; charset=utf-8");
        }
        String subtype = matcher.group(2).toLowerCase(Locale.ROOT);
        return new MediaType(text, subtype.equals("json") || subtype.endsWith("+json"));
    }
}
