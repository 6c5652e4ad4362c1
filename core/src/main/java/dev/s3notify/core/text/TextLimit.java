package dev.s3notify.core.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A platform's limit on one piece of text, as data: at most {@code max} in a {@link TextUnit}. Text over it is cut
 * to its longest start that fits with "…" appended (the "…" counts inside the limit), trailing white space
 * dropped, never inside a surrogate pair or after a lone escaping backslash, and never inside what the limit's
 * {@link Boundary}s protect (links, entities, markup): the cut moves before them.
 *
 * @param max the most the text may hold, "…" included
 * @param unit how it is counted
 * @param boundaries what a cut must not split
 */
public record TextLimit(int max, TextUnit unit, List<Boundary> boundaries) {
    /** The mark that ends cut text. */
    public static final String ELLIPSIS = "…";

    /** Copies the boundaries; rejects a missing unit. */
    public TextLimit {
        Objects.requireNonNull(unit, "unit");
        boundaries = List.copyOf(boundaries);
    }

    /**
     * @param max the most code points
     * @return the limit, with no boundaries
     */
    public static TextLimit codePoints(int max) {
        return new TextLimit(max, TextUnit.CODE_POINTS, List.of());
    }

    /**
     * @param max the most UTF-16 code units
     * @return the limit, with no boundaries
     */
    public static TextLimit utf16Units(int max) {
        return new TextLimit(max, TextUnit.UTF16_UNITS, List.of());
    }

    /**
     * @param max the most UTF-8 bytes
     * @return the limit, with no boundaries
     */
    public static TextLimit utf8Bytes(int max) {
        return new TextLimit(max, TextUnit.UTF8_BYTES, List.of());
    }

    /**
     * @param more boundaries a cut must also respect
     * @return a copy with them added
     */
    public TextLimit keeping(Boundary... more) {
        List<Boundary> all = new ArrayList<>(boundaries);
        all.addAll(List.of(more));
        return new TextLimit(max, unit, all);
    }

    /**
     * @param newMax another maximum
     * @return a copy with that maximum, in the same unit and with the same boundaries
     */
    public TextLimit withMax(int newMax) {
        return new TextLimit(newMax, unit, boundaries);
    }

    /**
     * @param text any text
     * @return its length in this limit's unit
     */
    public int length(String text) {
        return unit.length(text);
    }

    /**
     * @param text any text
     * @return whether it fits as it is
     */
    public boolean fits(String text) {
        return unit.length(text) <= max;
    }

    /**
     * @param text any text
     * @return the text when it fits, else its longest start that fits with "…"; empty when not even "…" fits
     */
    public String cut(String text) {
        return cut(text, List.of());
    }

    /**
     * @param text any text
     * @param keepWhole strings (such as this message's links) kept whole or cut off entirely, besides the limit's
     *     own boundaries
     * @return the text when it fits, else its longest start that fits with "…"; empty when not even "…" fits
     */
    public String cut(String text, Collection<String> keepWhole) {
        if (fits(text)) {
            return text;
        }
        int budget = max - unit.length(ELLIPSIS);
        if (budget < 0) {
            return "";
        }
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            if (used + unit.cost(codePoint) > budget) {
                break;
            }
            used += unit.cost(codePoint);
            end += Character.charCount(codePoint);
        }
        List<Boundary> all = new ArrayList<>(boundaries);
        if (!keepWhole.isEmpty()) {
            all.add(Boundary.keepWhole(keepWhole));
        }
        int previous;
        do {
            previous = end;
            for (Boundary boundary : all) {
                end = Math.min(end, Math.max(0, boundary.before(text, end)));
            }
        } while (end != previous);
        return withoutDanglingBackslash(text.substring(0, end).stripTrailing()) + ELLIPSIS;
    }

    /** A cut between a backslash and the character it escapes would escape the "…" instead. */
    private static String withoutDanglingBackslash(String text) {
        int backslashes = 0;
        while (backslashes < text.length() && text.charAt(text.length() - 1 - backslashes) == '\\') {
            backslashes++;
        }
        return backslashes % 2 == 1 ? text.substring(0, text.length() - 1) : text;
    }
}
