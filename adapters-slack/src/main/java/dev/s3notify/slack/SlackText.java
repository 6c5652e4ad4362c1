package dev.s3notify.slack;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Slack's text rules: escaping user text for mrkdwn and plain_text, and fitting text into a length limit. Lengths
 * are counted in UTF-16 code units, the stricter of the counts Slack may use (never fewer than code points), and a
 * cut never splits a surrogate pair, an entity ({@code &amp;}), a {@code <…>} control sequence or a link.
 */
final class SlackText {
    /** The mark that ends truncated text; it counts inside the limit. */
    static final String ELLIPSIS = "…";
    private static final Pattern BROADCAST = Pattern.compile("(?i)@(everyone|here|channel)");
    private static final String ZERO_WIDTH_SPACE = "\u200B";
    private static final List<String> ENTITIES = List.of("&amp;", "&lt;", "&gt;");

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

    /**
     * @param text escaped text
     * @param limit the most UTF-16 code units allowed, "…" included
     * @param atomic strings (links) that must stay whole: a cut inside one moves before it
     * @return the text, or its start followed by "…"
     */
    static String fit(String text, int limit, List<String> atomic) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = limit - ELLIPSIS.length();
        int previous;
        do {
            previous = cut;
            if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            cut = beforeAtoms(text, cut, atomic);
            cut = beforeOpenBracket(text, cut);
            cut = beforeEntity(text, cut);
        } while (cut != previous);
        return text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    static String fit(String text, int limit) {
        return fit(text, limit, List.of());
    }

    private static int beforeAtoms(String text, int cut, List<String> atomic) {
        for (String atom : atomic) {
            if (atom.isEmpty()) {
                continue;
            }
            for (int at = text.indexOf(atom); at >= 0 && at < cut; at = text.indexOf(atom, at + 1)) {
                if (at + atom.length() > cut) {
                    return at;
                }
            }
        }
        return cut;
    }

    /** A {@code <…>} sequence opened before the cut and not closed before it would be left broken. */
    private static int beforeOpenBracket(String text, int cut) {
        int open = text.lastIndexOf('<', cut - 1);
        if (open < 0) {
            return cut;
        }
        int close = text.indexOf('>', open);
        return close >= 0 && close < cut ? cut : open;
    }

    private static int beforeEntity(String text, int cut) {
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp < 0) {
            return cut;
        }
        for (String entity : ENTITIES) {
            if (text.startsWith(entity, amp) && amp + entity.length() > cut) {
                return amp;
            }
        }
        return cut;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
