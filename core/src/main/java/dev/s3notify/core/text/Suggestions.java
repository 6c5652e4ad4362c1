package dev.s3notify.core.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * "Did you mean": the closest known word to a mistyped one, when it is close enough to be a typo. The one mechanism
 * for kinds, template names, commands and options. Stateless.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * @param typed what was typed
     * @param known the words accepted
     * @return the closest accepted word within a typo or two (one for words of four letters or fewer)
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        return known.stream()
                .filter(word -> distance(typed, word) <= (word.length() <= 4 ? 1 : 2))
                .min(Comparator.comparingInt((String word) -> distance(typed, word)).thenComparing(word -> word));
    }

    /**
     * @param typed what was typed
     * @param known the words accepted
     * @return "; did you mean 'x'?" or nothing
     */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(word -> "; did you mean '" + word + "'?").orElse("");
    }

    /**
     * @param a one word
     * @param b another
     * @return the edit distance, counting a swap of two neighbouring letters as one edit (optimal string alignment)
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
