package dev.s3notify.discord;

import java.util.regex.Pattern;

/**
 * Discord markdown escaping and mention neutralising. Lengths and cuts are core's
 * ({@link dev.s3notify.core.text.TextLimit}), in code points, as Discord counts (its API is Python 3).
 */
final class DiscordText {
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
}
