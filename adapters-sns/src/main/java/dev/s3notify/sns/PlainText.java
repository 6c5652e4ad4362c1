package dev.s3notify.sns;

/**
 * Escaping of inserted values. Plain text has no markup, so only bidirectional overrides are replaced (U+FFFD):
 * they can show {@code invoice<U+202E>fdp.exe} as {@code invoiceexe.pdf}. For client-markdown, which Amazon Q
 * Developer turns into Slack's, Teams' or Chime's markdown, also {@code <} and {@code >} become {@code ‹ ›} (so
 * {@code <!channel>}, {@code <@U123>}, {@code <at>} and {@code <url|text>} mean nothing) and a zero-width space
 * follows the {@code @} of {@code @everyone}, {@code @here} and {@code @channel}.
 */
final class PlainText {
    private static final String ZERO_WIDTH_SPACE = "\u200B";

    private PlainText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') ? '\uFFFD' : c);
        }
        return out.toString();
    }

    static String escapeMarkdown(String text) {
        String plain = escape(text).replace('<', '‹').replace('>', '›');
        return plain.replaceAll("(?i)@(everyone|here|channel)", "@" + ZERO_WIDTH_SPACE + "$1");
    }

    /** Escaped for markdown, on one line (for titles). */
    static String markdownLine(String text) {
        return escapeMarkdown(text.replaceAll("\\p{Cntrl}+", " "));
    }
}
