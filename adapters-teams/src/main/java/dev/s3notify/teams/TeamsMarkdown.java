package dev.s3notify.teams;

/**
 * Escaping for the Markdown subset Adaptive Card TextBlocks and FactSets render in Teams ({@code **bold**},
 * {@code _italic_}, lists, {@code [text](url)}), and neutralising of mention-like text. A value from an event is
 * one line: control characters become spaces and bidirectional overrides are dropped, so a name such as
 * {@code "invoice\u202Efdp.exe"} cannot pass for a PDF.
 */
final class TeamsMarkdown {
    /** Characters that start or end Markdown syntax Teams renders (headings and strike are escaped too). */
    private static final String SPECIAL = "\\*_[]()~#";
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private TeamsMarkdown() {
    }

    /**
     * @param text a value from the event
     * @return the text with Markdown escaped, list markers defused and mentions broken by a zero-width space
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String flat = flatten(text);
        int marker = listMarker(flat);
        StringBuilder out = new StringBuilder(flat.length() + 16);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if (i == marker || SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
            if (startsMention(flat, i)) {
                out.append(ZERO_WIDTH_SPACE);
            }
        }
        return out.toString();
    }

    /** Control characters and line separators become spaces; bidirectional embeddings and overrides go. */
    private static String flatten(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (isBidiControl(cp)) {
                return;
            }
            boolean lineBreaking = Character.getType(cp) == Character.CONTROL || cp == 0x2028 || cp == 0x2029;
            out.appendCodePoint(lineBreaking ? ' ' : cp);
        });
        return out.toString();
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /**
     * @return the index of the marker that would make the text a list item ({@code "- "}, {@code "+ "},
     *     {@code "1. "}: a marker followed by a space or the end, after at most three spaces), or -1
     */
    private static int listMarker(String text) {
        int i = 0;
        while (i < text.length() && i < 3 && text.charAt(i) == ' ') {
            i++;
        }
        int marker;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            marker = i;
        } else {
            int digits = i;
            while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
                digits++;
            }
            marker = digits > i && digits < text.length() && text.charAt(digits) == '.' ? digits : -1;
        }
        boolean endsMarker = marker >= 0 && (marker + 1 == text.length() || text.charAt(marker + 1) == ' ');
        return endsMarker ? marker : -1;
    }

    /** @return whether the character at {@code i} opens a mention ({@code <at>}, Slack/Discord tokens, @everyone) */
    private static boolean startsMention(String text, int i) {
        char c = text.charAt(i);
        if (c == '<') {
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            return next == '@' || next == '!' || text.regionMatches(true, i + 1, "at", 0, 2);
        }
        if (c == '@') {
            return text.regionMatches(true, i + 1, "everyone", 0, 8) || text.regionMatches(true, i + 1, "here", 0, 4)
                    || text.regionMatches(true, i + 1, "channel", 0, 7);
        }
        return false;
    }
}
