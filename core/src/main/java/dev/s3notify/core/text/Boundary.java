package dev.s3notify.core.text;

import java.util.Collection;
import java.util.List;

/**
 * Something a cut must not split. Given the text and where a cut would fall, a boundary returns that position or
 * an earlier one: the start of the link, entity or markup the cut would break.
 */
@FunctionalInterface
public interface Boundary {
    /** A bare link ({@code https://…} up to white space), or a markdown link {@code [label](https://…)}. */
    Boundary LINKS = LinkBoundary::before;
    /** A {@code <…>} sequence (Slack's links and mentions) opened before the cut and not closed before it. */
    Boundary ANGLE_BRACKETS = (text, cut) -> {
        int open = text.lastIndexOf('<', cut - 1);
        if (open < 0) {
            return cut;
        }
        int close = text.indexOf('>', open);
        return close >= 0 && close < cut ? cut : open;
    };
    /** An HTML entity ({@code &amp;}, {@code &lt;}, {@code &gt;}, {@code &quot;}, {@code &#39;}). */
    Boundary ENTITIES = (text, cut) -> {
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp < 0) {
            return cut;
        }
        for (String entity : List.of("&amp;", "&lt;", "&gt;", "&quot;", "&#39;")) {
            if (text.startsWith(entity, amp) && amp + entity.length() > cut) {
                return amp;
            }
        }
        return cut;
    };

    /**
     * @param text the whole text
     * @param cut where the text would be cut (a char index)
     * @return {@code cut}, or an earlier index that does not split what this boundary protects
     */
    int before(String text, int cut);

    /**
     * @param wholes strings (links, as the template inserted them) that are kept whole or cut off entirely
     * @return a boundary that moves a cut inside any occurrence of one of them to its start
     */
    static Boundary keepWhole(Collection<String> wholes) {
        List<String> kept = wholes.stream().filter(w -> w != null && !w.isEmpty()).toList();
        return (text, cut) -> {
            for (String whole : kept) {
                for (int at = text.indexOf(whole); at >= 0 && at < cut; at = text.indexOf(whole, at + 1)) {
                    if (at + whole.length() > cut) {
                        return at;
                    }
                }
            }
            return cut;
        };
    }
}
