package dev.s3notify.generic;

import java.nio.charset.StandardCharsets;

/** Cuts text to a limit with "…" counted inside it, by code points, and never through a link. */
final class Truncation {
    static final String ELLIPSIS = "…";

    private Truncation() {
    }

    /**
     * @param text the text
     * @param limit the most it may hold, "…" included
     * @param inBytes whether the limit counts UTF-8 bytes rather than code points
     * @param keepWhole text that is either kept whole or cut off entirely (a link), or null
     * @return the text itself when it fits, else its longest prefix that fits with "…" appended
     */
    static String truncate(String text, int limit, boolean inBytes, String keepWhole) {
        int size = inBytes ? text.getBytes(StandardCharsets.UTF_8).length : text.codePointCount(0, text.length());
        if (size <= limit) {
            return text;
        }
        int budget = limit - (inBytes ? ELLIPSIS.getBytes(StandardCharsets.UTF_8).length : 1);
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int cost = inBytes ? utf8Length(codePoint) : 1;
            if (used + cost > budget) {
                break;
            }
            used += cost;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, beforeCutLink(text, end, keepWhole)) + ELLIPSIS;
    }

    /** Moves the end of a cut back to the start of a link it would otherwise split. */
    private static int beforeCutLink(String text, int end, String link) {
        if (link == null || link.isEmpty()) {
            return end;
        }
        for (int at = text.indexOf(link); at >= 0 && at < end; at = text.indexOf(link, at + 1)) {
            if (at + link.length() > end) {
                return at;
            }
        }
        return end;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
