package dev.s3notify.discord;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord markdown escaping, mention neutralising and length limits. Discord counts lengths in Unicode code points
 * (its API is Python 3), so every limit here is in code points and no cut splits a surrogate pair.
 */
final class DiscordText {
    static final String ELLIPSIS = "…";
    private static final String ZERO_WIDTH_SPACE = "\u200B";
    /** Characters that format anywhere in a line: emphasis, code, spoilers, masked links, autolinks, tags. */
    private static final String INLINE = "\\*_~`|[]()<";
    /** Headings, subtext, quotes and lists, which format only at the start of a line. */
    private static final Pattern BLOCK_MARKER = Pattern.compile("^(\\s*)([#>+\\-])");
    private static final Pattern ORDERED_LIST = Pattern.compile("^(\\s*[0-9]+)\\.(?=\\s)");
    private static final Pattern BROADCAST = Pattern.compile("@(?=everyone|here)", Pattern.CASE_INSENSITIVE);
    /** User, role, channel mentions ({@code <@1>}, {@code <@&1>}, {@code <#1>}) and other platforms' tokens. */
    private static final Pattern TAG = Pattern.compile("<(?=[@#!]|at>)", Pattern.CASE_INSENSITIVE);
    /** A whole value that is a link: every character one RFC 3986 allows. */
    private static final Pattern LINK = Pattern.compile("https?://[A-Za-z0-9\\-._~:/?#@!$&'()*+,;=%]+");
    private static final Pattern URL_IN_TEXT = Pattern.compile("https?://\\S+");

    private DiscordText() {
    }

    /**
     * Values never hold line breaks (control characters become spaces), so only a value's start can be a line's
     * start: {@code # - > +} and {@code 1.} are escaped there only, which keeps {@code my-file.pdf} readable in
     * clients that show the raw text (notifications).
     *
     * @param text a value from the event
     * @return the text with its markdown characters backslash-escaped and mentions neutralised; a value that is a
     *     whole link (such as {@code {{fileUrl}}}) is only neutralised, since backslashes would break it
     */
    static String escape(String text) {
        if (LINK.matcher(text).matches()) {
            return neutralise(text);
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(' ');
                return;
            }
            if (c < 128 && INLINE.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        String escaped = BLOCK_MARKER.matcher(out).replaceFirst("$1\\\\$2");
        escaped = ORDERED_LIST.matcher(escaped).replaceFirst("$1\\\\.");
        return neutralise(escaped);
    }

    /**
     * @param text any text placed in the body
     * @return the text with a zero-width space after the {@code @} of {@code @everyone}/{@code @here} and after
     *     the {@code <} of {@code <@}, {@code <@&}, {@code <#} (and {@code <!}, {@code <at>}), so none can ping
     */
    static String neutralise(String text) {
        String safe = BROADCAST.matcher(text).replaceAll("@" + ZERO_WIDTH_SPACE);
        return TAG.matcher(safe).replaceAll("<" + ZERO_WIDTH_SPACE);
    }

    /**
     * @param text any text
     * @return its length as Discord counts it: code points
     */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * @param text any text
     * @param max the limit in code points
     * @return the text, or its start followed by "…" within {@code max} code points; empty when {@code max < 1}
     */
    static String limit(String text, int max) {
        if (length(text) <= max) {
            return text;
        }
        if (max < 1) {
            return "";
        }
        return cutAt(text, text.offsetByCodePoints(0, max - 1));
    }

    /**
     * Like {@link #limit}, but a cut that would land inside a link ({@code https://…} or a markdown link
     * {@code [label](https://…)}) moves before it: a cut link is a broken link.
     *
     * @param text markdown text
     * @param max the limit in code points
     * @return the text within the limit
     */
    static String limitKeepingLinks(String text, int max) {
        if (length(text) <= max) {
            return text;
        }
        if (max < 1) {
            return "";
        }
        int end = text.offsetByCodePoints(0, max - 1);
        Matcher url = URL_IN_TEXT.matcher(text);
        while (url.find() && url.start() < end) {
            if (url.end() > end) {
                end = startOfLink(text, url.start());
                break;
            }
        }
        return cutAt(text, end);
    }

    private static int startOfLink(String text, int urlStart) {
        if (urlStart >= 2 && text.startsWith("](", urlStart - 2)) {
            int open = text.lastIndexOf('[', urlStart - 2);
            return open >= 0 ? open : urlStart - 2;
        }
        return urlStart;
    }

    private static String cutAt(String text, int end) {
        String kept = text.substring(0, end).stripTrailing();
        int backslashes = 0;
        while (backslashes < kept.length() && kept.charAt(kept.length() - 1 - backslashes) == '\\') {
            backslashes++;
        }
        if (backslashes % 2 == 1) {
            kept = kept.substring(0, kept.length() - 1);
        }
        return kept + ELLIPSIS;
    }
}
