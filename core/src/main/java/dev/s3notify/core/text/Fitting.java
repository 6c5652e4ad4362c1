package dev.s3notify.core.text;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The longest cut of a text that fits when the limit is on something built around it, such as a request body's
 * bytes around a message: a binary search over {@link TextLimit}s in code points, so the cut keeps what the
 * boundaries protect whole and ends with "…" as every other cut does. Stateless and thread-safe.
 */
public final class Fitting {
    private Fitting() {
    }

    /**
     * @param text the text, already within its own limit
     * @param boundaries what a cut must not split, such as {@link Boundary#LINKS}
     * @param keepWhole strings (such as the message's link) kept whole or cut off entirely
     * @param fits whether what is built around a candidate is within its limit; expected to hold for every shorter
     *     cut once it holds for one
     * @return the text when it fits as it is, else its longest cut that fits; empty when not even the empty text
     *     fits
     */
    public static Optional<String> longest(String text, List<Boundary> boundaries, Collection<String> keepWhole,
            Predicate<String> fits) {
        if (fits.test(text)) {
            return Optional.of(text);
        }
        if (!fits.test("")) {
            return Optional.empty();
        }
        int low = 0;
        int high = TextUnit.CODE_POINTS.length(text) - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (fits.test(cut(text, mid, boundaries, keepWhole))) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return Optional.of(cut(text, low, boundaries, keepWhole));
    }

    private static String cut(String text, int codePoints, List<Boundary> boundaries, Collection<String> keepWhole) {
        return new TextLimit(codePoints, TextUnit.CODE_POINTS, boundaries).cut(text, keepWhole);
    }
}
