package dev.s3notify.core.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link Boundary#LINKS}: a cut inside a bare link or a markdown link moves before it. */
final class LinkBoundary {
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private LinkBoundary() {
    }

    static int before(String text, int cut) {
        Matcher url = URL.matcher(text);
        while (url.find() && url.start() < cut) {
            if (url.end() > cut) {
                int start = url.start();
                if (start >= 2 && text.startsWith("](", start - 2)) {
                    int open = text.lastIndexOf('[', start - 2);
                    return open >= 0 ? open : start - 2;
                }
                return start;
            }
        }
        return cut;
    }
}
