package dev.s3notify.core.queue;

import dev.s3notify.core.Digest;
import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.templates.TemplateModel;
import dev.s3notify.core.text.SafeText;
import java.util.List;

/**
 * The index of a digest's files: a small HTML page listing every file with its link, for digests that cannot
 * carry every link themselves. Every value is HTML-escaped, and what would not show as itself (control characters,
 * bidirectional overrides, zero-width and other invisible characters: {@link SafeText#invisible}) shows as U+FFFD, so
 * that {@code invoice<U+202E>fdp.exe} cannot read as a PDF; links are only {@code https:} or {@code http:} ones
 * (anything else is shown as text, never as an {@code href}).
 */
final class IndexPage {
    private IndexPage() {
    }

    /**
     * @param digest the digest whose files the page lists, titled with its summary
     * @return the page
     */
    static String render(Digest digest) {
        List<LinkEvent> events = digest.files();
        String title = escape(digest.summary());
        StringBuilder html = new StringBuilder(256 + events.size() * 1200);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"robots\" content=\"noindex\"><meta name=\"referrer\" content=\"no-referrer\">")
                .append("<title>").append(title).append("</title></head>\n<body><h1>").append(title)
                .append("</h1>\n<ul>\n");
        for (LinkEvent event : events) {
            String key = escape("s3://" + event.bucket() + "/" + (event.key() != null ? event.key() : event.fileName()));
            String size = event.size() == null ? "" : " (" + escape(TemplateModel.sizeText(event.size())) + ")";
            html.append("<li>");
            if (event.fileUrl() != null && isWebLink(event.fileUrl())) {
                html.append("<a href=\"").append(escape(event.fileUrl())).append("\">").append(key).append("</a>");
            } else {
                html.append(key).append(" ").append(escape(event.eventType().wireName()));
            }
            html.append(size).append("</li>\n");
        }
        return html.append("</ul>\n</body></html>\n").toString();
    }

    private static boolean isWebLink(String url) {
        return url.regionMatches(true, 0, "https:", 0, 6) || url.regionMatches(true, 0, "http:", 0, 5);
    }

    /**
     * @param text any text
     * @return the text with {@code & < > " '} as entities, line breaks and tabs as spaces and every other invisible
     *     character as U+FFFD
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\r', '\t', 0x2028, 0x2029 -> out.append(' ');
                default -> out.appendCodePoint(SafeText.invisible(c) ? 0xFFFD : c);
            }
        });
        return out.toString();
    }
}
