package dev.s3notify.core.routes;

import java.util.regex.Pattern;

/**
 * A key glob: {@code *} any run of characters except {@code /}, {@code **} any run including {@code /} (so that
 * {@code a/**}{@code /b} also matches {@code a/b}), {@code ?} one character except {@code /}; everything else stands
 * for itself. Keys are matched as the decoders produce them, URL-decoded.
 */
final class KeyGlob {
    private final String glob;
    private final Pattern pattern;

    private KeyGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    /**
     * @param glob the glob
     * @return it compiled
     * @throws IllegalArgumentException when it has three or more {@code *} in a row, which says nothing two do not
     */
    static KeyGlob compile(String glob) {
        if (glob.contains("***")) {
            throw new IllegalArgumentException("*** is not a glob: use * (within one folder) or ** (across folders)");
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (glob.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                int next = nextSpecial(glob, i);
                regex.append(Pattern.quote(glob.substring(i, next)));
                i = next;
            }
        }
        return new KeyGlob(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    private static int nextSpecial(String glob, int from) {
        int i = from;
        while (i < glob.length() && glob.charAt(i) != '*' && glob.charAt(i) != '?') {
            i++;
        }
        return i;
    }

    boolean matches(String key) {
        return pattern.matcher(key).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
