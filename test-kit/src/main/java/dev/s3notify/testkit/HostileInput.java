package dev.s3notify.testkit;

import dev.s3notify.core.LinkEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Events a formatter must survive: names that ping, names made of markup, bidirectional overrides, keys of
 * thousands of characters, links of thousands of characters, the old system's five-field event.
 */
public final class HostileInput {
    /** Text that pings people on some platform when it reaches a message unescaped. */
    public static final List<String> MENTION_TOKENS = List.of("@everyone", "@here", "<!channel>", "<!here",
            "<!everyone>", "<@U", "<@W", "<@&", "<at>", "<!subteam");
    /** A file name made of every mention token. */
    public static final String PINGING_NAME = "@everyone @here <@123456789> <@&42> <!channel> <!here|here>"
            + " <!everyone> <@U024BE7LH> <!subteam^S123> <at>Boss<at>.txt";
    /** A file name made of markdown, mrkdwn, HTML and JSON metacharacters. */
    public static final String METACHAR_NAME = "**bold** _it_ ~~s~~ `code` ||spoiler|| > quote # h [x](https:evil)"
            + " <https:evil|click> \" \\ \n\t {\"a\":1} <script> & < > %s {{x}}.pdf";
    /** A name whose right-to-left override makes an executable look like a PDF. */
    public static final String BIDI_NAME = "invoice\u202Efdp.exe";
    /** A key of 4,000 characters. */
    public static final String LONG_KEY = "deep/" + "k".repeat(3_990) + ".pdf";

    private HostileInput() {
    }

    /**
     * @param key an object key
     * @param url its link
     * @return a created-object event as the link generator publishes it ({@link LinkEvents#upload(String)})
     */
    public static LinkEvent created(String key, String url) {
        return LinkEvents.upload(key).fileUrl(url).build();
    }

    /**
     * @param key an object key
     * @return a deleted-object event
     */
    public static LinkEvent deleted(String key) {
        return LinkEvents.deletion(key).build();
    }

    /** @return the old system's minimal event: five fields, a Python timestamp without offset */
    public static LinkEvent oldSystemEvent() {
        return LinkEvents.oldSystem().build();
    }

    /**
     * @param seed what makes the link distinct
     * @return a realistic presigned URL
     */
    public static String url(String seed) {
        return "https://example-uploads.s3.us-east-1.amazonaws.com/" + Math.abs(seed.hashCode())
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400&X-Amz-Signature=" + "0".repeat(64);
    }

    /**
     * @param seed what makes the link distinct
     * @param length how long the link is
     * @return a presigned-looking URL of exactly that length (at least 120)
     */
    public static String longUrl(String seed, int length) {
        String start = "https://example-uploads.s3.us-east-1.amazonaws.com/" + seed + "?X-Amz-Credential=";
        String end = "&X-Amz-Signature=" + "0".repeat(64);
        return start + "a".repeat(Math.max(0, length - start.length() - end.length())) + end;
    }

    /**
     * @param count how many files
     * @param linkLength how long each link is
     * @return uploads under one prefix whose names cycle through every hostile name, each with its own link, and
     *     one deletion in ten
     */
    public static List<LinkEvent> files(int count, int linkLength) {
        List<String> names = List.of(PINGING_NAME, METACHAR_NAME, BIDI_NAME, LONG_KEY.substring(5), "📄".repeat(256),
                "report.pdf");
        List<LinkEvent> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "uploads/2026-11/" + i + "-" + names.get(i % names.size());
            files.add(i % 10 == 9 ? deleted(key) : created(key, longUrl("f" + i, linkLength)));
        }
        return files;
    }
}
