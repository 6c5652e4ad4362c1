package dev.s3notify.googlechat;

import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.core.text.TextLimit;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the card shows, already escaped and shortened: the header, the facts, and the link for its button when there
 * is one Chat can open.
 *
 * @param title the header's title, plain text
 * @param subtitle the header's subtitle (the bucket or buckets), plain text
 * @param facts the facts, their values escaped for a widget's HTML
 * @param link the link, whole, or null
 * @param linkLeftOut whether the event had a link that cannot be offered (too long, or not a web address)
 * @param linkLabel the words on the link's button
 */
record CardContent(String title, String subtitle, List<Fact> facts, String link, boolean linkLeftOut,
        String linkLabel) {
    /** Longest file name in the header, in code points; S3 keys are at most 1,024 bytes anyway. */
    static final int MAX_TITLE = 256;
    /** Longest subtitle or short fact, in code points. */
    static final int MAX_FACT = 256;
    /** Longest key shown, in code points. */
    static final int MAX_KEY = 1_024;
    /** Longest link put on a button; a longer one is left out, never cut. */
    static final int MAX_URL_LENGTH = 8_192;

    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * @param label the fact's label (the widget's top label)
     * @param value the value, escaped for a widget's HTML
     */
    record Fact(String label, String value) {
    }

    CardContent {
        facts = List.copyOf(facts);
    }

    /**
     * @param event the link event
     * @return what the card shows for it
     */
    static CardContent of(LinkEvent event) {
        String link = offerable(event.fileUrl());
        return new CardContent(title(event), plain(event.bucket(), MAX_FACT), facts(event), link,
                event.fileUrl() != null && link == null, "Download");
    }

    private static String title(LinkEvent event) {
        String name = event.fileName().isBlank() && event.key() != null ? event.key() : event.fileName();
        String prefix = switch (event.eventType()) {
            case CREATED -> "";
            case DELETED -> "File removed: ";
            case RESTORED -> "File restored: ";
            case RESTORE_STARTED -> "Restore started: ";
            case RESTORE_EXPIRED -> "Restored copy expired: ";
            case OTHER -> "File event: ";
        };
        return prefix + plain(name, MAX_TITLE);
    }

    private static List<Fact> facts(LinkEvent event) {
        List<Fact> facts = new ArrayList<>();
        if (event.size() != null) {
            facts.add(new Fact("Size", TemplateModel.sizeText(event.size())));
        }
        if (event.fileUrl() != null && event.expiresAt() != null) {
            facts.add(new Fact("Expires", EXPIRES.format(event.expiresAt())));
        } else if (event.fileUrl() != null && event.expirationTime() != null) {
            facts.add(fact("Expires", "in " + event.expirationTime(), MAX_FACT));
        }
        if (event.key() != null) {
            facts.add(fact("Key", event.key(), MAX_KEY));
        }
        return facts;
    }

    /** @return the value cut to {@code max} code points, then escaped for a widget's HTML */
    static Fact fact(String label, String value, int max) {
        return new Fact(label, GoogleChatText.html(TextLimit.codePoints(max).cut(value)));
    }

    /** @return the value cut to {@code max} code points, then escaped as plain text */
    static String plain(String value, int max) {
        return GoogleChatText.text(TextLimit.codePoints(max).cut(value == null ? "" : value));
    }

    /** @return the link when a button can open it: an absolute http(s) URL of printable ASCII, else null */
    static String offerable(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_URL_LENGTH
                || !url.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.getHost() != null && (scheme.equals("https") || scheme.equals("http")) ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
