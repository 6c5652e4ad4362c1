package dev.s3notify.googlechat;

/**
 * Escaping for the two kinds of text a Google Chat message has: the message {@code text} and card headers, in Chat's
 * own syntax ({@code *bold*}, {@code <url|label>} links, {@code <users/all>} mentions), and card widget text, which
 * Chat reads as a subset of HTML. A value from an event is one line either way: control characters become spaces
 * and bidirectional overrides are dropped, so {@code "invoice\u202Efdp.exe"} cannot pass for a PDF.
 */
final class GoogleChatText {
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private GoogleChatText() {
    }

    /**
     * A zero-width space follows every {@code <} and {@code @}, so a value can neither mention anyone
     * ({@code <users/all>}, {@code <users/123>}, and the other platforms' tokens) nor make a link
     * ({@code <https://evil|click>}). Chat's {@code *}, {@code _}, {@code ~} and backticks have no escape: a name can
     * at worst change its own formatting.
     *
     * @param value a value from the event, or null
     * @return the value, safe in the message text and in a card's header
     */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value == null ? 0 : value.length() + 8);
        flat(value).codePoints().forEach(cp -> {
            out.appendCodePoint(cp);
            if (cp == '<' || cp == '@') {
                out.append(ZERO_WIDTH_SPACE);
            }
        });
        return out.toString();
    }

    /**
     * @param value a value from the event, or null
     * @return the value for a card widget's text: {@code & < > "} as HTML entities, so no tag or
     *     {@code <users/all>} survives, and a zero-width space after every {@code @}
     */
    static String html(String value) {
        StringBuilder out = new StringBuilder(value == null ? 0 : value.length() + 16);
        flat(value).codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '@' -> out.append('@').append(ZERO_WIDTH_SPACE);
                default -> out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Control characters and line separators become spaces; bidirectional embeddings, overrides and isolates go. */
    private static String flat(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
                return;
            }
            boolean breaking = Character.getType(cp) == Character.CONTROL || cp == 0x2028 || cp == 0x2029;
            out.appendCodePoint(breaking ? ' ' : cp);
        });
        return out.toString();
    }
}
