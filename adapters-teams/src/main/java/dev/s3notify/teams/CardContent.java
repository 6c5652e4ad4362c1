package dev.s3notify.teams;

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
 * What the card shows besides the rendered message, already escaped and shortened: the title, the facts, and the
 * download link when there is one Teams can open.
 *
 * @param title the escaped title
 * @param facts the escaped facts, in order
 * @param link the download link, whole, or null
 * @param linkLeftOut whether the event had a link that cannot be offered (too long, or not a web address)
 * @param linkTitle the words on the link's button
 */
record CardContent(String title, List<Fact> facts, String link, boolean linkLeftOut, String linkTitle) {
    /** Longest file name in the title, in code points; file names are at most 1,024 bytes in S3 anyway. */
    static final int MAX_TITLE = 256;
    /** Longest bucket or other short fact value, in code points. */
    static final int MAX_FACT = 256;
    /** Longest key shown, in code points: S3 keys are at most 1,024 bytes. */
    static final int MAX_KEY = 1_024;
    /** Longest link offered on the Download button; longer links are left out, never cut. */
    static final int MAX_URL_LENGTH = 8_192;

    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * @param title the card's title
     * @param value the fact's value
     */
    record Fact(String title, String value) {
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
        return new CardContent(title(event), facts(event), link, event.fileUrl() != null && link == null, "Download");
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
        return prefix + TeamsMarkdown.escape(TextLimit.codePoints(MAX_TITLE).cut(name));
    }

    private static List<Fact> facts(LinkEvent event) {
        List<Fact> facts = new ArrayList<>();
        facts.add(fact("Bucket", event.bucket(), MAX_FACT));
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

    static Fact fact(String title, String value, int max) {
        return new Fact(title, TeamsMarkdown.escape(TextLimit.codePoints(max).cut(value)));
    }

    /** @return the link when Teams can open it from a button: an absolute http(s) URL of printable ASCII */
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
