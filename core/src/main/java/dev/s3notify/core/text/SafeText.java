package dev.s3notify.core.text;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The one place that makes input fit to be printed. Anything an event, a template or a server supplied can hold a
 * terminal escape, a right-to-left override that reverses what a reader sees, a megabyte of text or a credential;
 * what is quoted from it goes through {@link #quote} (error messages) and every log value through
 * {@link #logValue}. Stateless and thread-safe.
 */
public final class SafeText {
    /** How many characters of input an error message quotes. */
    public static final int QUOTE_LIMIT = 200;
    /** How many characters one log value may have: a backstop, well above a quote and an S3 key. */
    public static final int LOG_VALUE_LIMIT = 2_000;

    private static final Pattern SIGNING_PARAMETER = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_-])((?:X-Amz-(?:Signature|Credential|Security-Token)|Signature|sig|token|"
                    + "access_token|api[-_]?key|key|secret|password|code|AWSAccessKeyId)=)[^&\\s\"'<>]*");
    /** A URL: scheme and authority are kept, the rest (path tokens, query) is not shown. */
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b([a-z][a-z0-9+.-]{0,15}://)(?:[^/?#\\s\"'<>@]*@)?([^/?#\\s\"'<>]{0,253})([/?#][^\\s\"'<>]*)?");

    private SafeText() {
    }

    /**
     * @param raw input to quote in an error message, possibly null
     * @return it in double quotes: credentials redacted, links cut to scheme and host, control and bidi characters
     *     removed, at most {@link #QUOTE_LIMIT} characters with an ellipsis when cut
     */
    public static String quote(String raw) {
        return '"' + cut(raw, QUOTE_LIMIT) + '"';
    }

    /**
     * @param raw input to show, possibly null
     * @param limit the most characters kept
     * @return as {@link #quote} without the quotation marks
     */
    public static String cut(String raw, int limit) {
        return raw == null ? "null" : bounded(raw, limit, SafeText::links);
    }

    /**
     * @param raw any text, such as a quote of an event that may hold a presigned URL or a webhook URL
     * @return the text with credential-bearing query parameters' values replaced and every URL shown as its scheme
     *     and host only (a webhook URL's path is its credential)
     */
    public static String links(String raw) {
        String shortened = URL.matcher(raw).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1) + m.group(2) + (m.group(3) == null ? "" : "/…")));
        return signingParameters(shortened);
    }

    /**
     * @param raw any text
     * @return it with the values of SigV4 signature, credential and token parameters (and other parameters named
     *     like credentials: {@code sig}, {@code token}, {@code key}...) replaced by {@code <redacted>}
     */
    public static String signingParameters(String raw) {
        return raw == null ? null : SIGNING_PARAMETER.matcher(raw).replaceAll("$1<redacted>");
    }

    /**
     * @param raw the text of an exception message, possibly holding several lines
     * @return it with control characters other than line feed, and bidi controls, removed
     */
    public static String message(String raw) {
        return raw == null ? null : strip(raw, true);
    }

    /**
     * @param raw a value about to be logged
     * @return it with signing parameters redacted, control and bidi characters removed, and cut to
     *     {@link #LOG_VALUE_LIMIT}
     */
    public static String logValue(String raw) {
        return raw == null ? null : bounded(raw, LOG_VALUE_LIMIT, SafeText::signingParameters);
    }

    /** @return whether the character is one that must never reach a terminal or a log viewer */
    public static boolean unsafe(int c) {
        return c < 0x20 || c == 0x7F || c >= 0x80 && c <= 0x9F || bidi(c);
    }

    /**
     * @param c a code point
     * @return whether it shows nothing of its own where it stands: an {@link #unsafe} one, a format character (zero
     *     width spaces and joiners, bidirectional marks, soft hyphens, tags), a line or paragraph separator, or a
     *     lone surrogate; such characters can make a name read as another
     */
    public static boolean invisible(int c) {
        int type = Character.getType(c);
        return unsafe(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    private static boolean bidi(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069;
    }

    private static String bounded(String raw, int limit, UnaryOperator<String> redact) {
        // Cut before redacting too, so a 10 MB value costs no more than a short one.
        String head = raw.length() > limit * 8 ? raw.substring(0, limit * 8) : raw;
        String text = strip(redact.apply(head), false);
        if (text.length() <= limit && head.length() == raw.length()) {
            return text;
        }
        int end = Math.min(limit, text.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String strip(String text, boolean keepLineFeeds) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)));
            boolean drop = unsafe(c) && !(keepLineFeeds && c == '\n');
            if (drop || lone) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (c == '\n' || c == '\r' || c == '\t') {
                    out.append(' ');
                } else if (lone) {
                    out.append('\uFFFD');
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
