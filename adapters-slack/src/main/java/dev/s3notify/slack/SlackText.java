package dev.s3notify.slack;

import java.util.regex.Pattern;

/**
 * Slack's escaping of user text for mrkdwn and plain_text. Its length limits are {@link SlackMessage#TEXT}: core's
 * cutting, in UTF-16 code units (the stricter of the counts Slack may use), never through an entity
 * ({@code &amp;}), a {@code <…>} control sequence or a link.
 */
final class SlackText {
    private static final Pattern BROADCAST = Pattern.compile("(?i)@(everyone|here|channel)");
    private static final String ZERO_WIDTH_SPACE = "\u200B";

    private SlackText() {
    }

    /**
     * Slack's documented escaping ({@code &}, {@code <}, {@code >} as entities), which defuses {@code <!channel>},
     * {@code <@U123>} and {@code <url|text>}; plus a zero-width space after the {@code @} of {@code @everyone},
     * {@code @here} and {@code @channel}, and U+FFFD for bidirectional overrides, which can disguise
     * {@code invoice<U+202E>fdp.exe} as {@code invoiceexe.pdf}.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(isBidiControl(c) ? '\uFFFD' : c);
            }
        }
        return BROADCAST.matcher(out).replaceAll("@" + ZERO_WIDTH_SPACE + "$1");
    }

    /** Escaped, on one line: line breaks and other control characters become spaces (for headers and titles). */
    static String escapeLine(String text) {
        return escape(text.replaceAll("\\p{Cntrl}+", " "));
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
