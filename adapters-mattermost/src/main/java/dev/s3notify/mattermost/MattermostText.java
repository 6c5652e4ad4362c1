package dev.s3notify.mattermost;

/**
 * Mattermost's escaping of user text. Mattermost renders a webhook's {@code text}, and an attachment's
 * {@code text} and field values, as Markdown, and its server turns Slack's {@code <!channel>}, {@code <!here>},
 * {@code <!all>} and {@code <@USERID>} into mentions and {@code <url|text>} into links before it looks for
 * mentions. Its mention parser splits words at every character that is not a letter, a digit or one of
 * {@code : . - _ @}, so a zero-width joiner (U+200D) after an {@code @} leaves {@code @channel}, {@code @all},
 * {@code @here} and {@code @username} two harmless words that look the same.
 */
final class MattermostText {
    static final char ZERO_WIDTH_JOINER = '\u200D';
    /** Markdown characters that change how a name looks or turn it into a link; a backslash shows them as typed. */
    private static final String MARKDOWN = "\\`*_~[]#|";

    private MattermostText() {
    }

    /**
     * For Markdown: {@code & < >} as entities (so no {@code <!channel>} or {@code <url|text>} reaches the
     * server's Slack conversions), Markdown's punctuation backslash-escaped, a zero-width joiner after every
     * {@code @}, and bidirectional overrides as U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append('@').append(ZERO_WIDTH_JOINER);
                default -> {
                    if (MARKDOWN.indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.appendCodePoint(isBidiControl(c) ? 0xFFFD : c);
                }
            }
        });
        return out.toString();
    }

    /** {@link #escape}, on one line: line breaks and other control characters become spaces. */
    static String escapeLine(String text) {
        return escape(oneLine(text));
    }

    /**
     * For plain text (an attachment's {@code fallback}, shown in notifications): on one line, a zero-width joiner
     * after every {@code @} and {@code <}, bidirectional overrides as U+FFFD.
     */
    static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        oneLine(text).codePoints().forEach(c -> {
            out.appendCodePoint(isBidiControl(c) ? 0xFFFD : c);
            if (c == '@' || c == '<') {
                out.append(ZERO_WIDTH_JOINER);
            }
        });
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ");
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
