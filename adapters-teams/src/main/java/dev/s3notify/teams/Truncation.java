package dev.s3notify.teams;

import java.util.List;

/** Shortens text by code points with a trailing "…" counted inside the limit. */
final class Truncation {
    static final String ELLIPSIS = "…";

    private Truncation() {
    }

    /**
     * @param text any text
     * @param max the most code points to keep, the "…" included
     * @return the text, or its beginning followed by "…"
     */
    static String truncate(String text, int max) {
        return truncate(text, max, List.of());
    }

    /**
     * @param text any text
     * @param max the most code points to keep, the "…" included
     * @param keepWhole texts (links) that must never be cut: when the cut would fall inside one, it moves before it
     * @return the text, or its beginning followed by "…"
     */
    static String truncate(String text, int max, List<String> keepWhole) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        if (max <= 0) {
            return "";
        }
        int end = text.offsetByCodePoints(0, max - 1);
        for (String whole : keepWhole) {
            end = notInside(text, end, whole);
        }
        return withoutDanglingBackslash(text.substring(0, end)) + ELLIPSIS;
    }

    /** @return {@code end}, or the start of an occurrence of {@code whole} that straddles it */
    private static int notInside(String text, int end, String whole) {
        if (whole == null || whole.isEmpty()) {
            return end;
        }
        int at = text.indexOf(whole, Math.max(0, end - whole.length() + 1));
        return at >= 0 && at < end ? at : end;
    }

    /** A cut between a backslash and the character it escapes would escape the "…" instead. */
    private static String withoutDanglingBackslash(String text) {
        int backslashes = 0;
        while (backslashes < text.length() && text.charAt(text.length() - 1 - backslashes) == '\\') {
            backslashes++;
        }
        return backslashes % 2 == 1 ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * @param text any text
     * @return its length in code points
     */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
