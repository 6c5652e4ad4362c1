package dev.s3notify.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The download link as Slack can carry it. Our link generators produce RFC 3986 URLs, which never hold {@code |},
 * {@code <} or {@code >}; should one ever do, those three would end a {@code <url|name>} link early or open a
 * control sequence, so they are percent-encoded (the same URL to any server, since RFC 3986 forbids them raw).
 * A link is never shortened: one longer than Slack accepts is left out.
 */
final class SlackLinks {
    /** Slack's limit on a button's {@code url}. */
    static final int MAX_URL = 3000;

    private SlackLinks() {
    }

    /**
     * @param url a link
     * @return the link with {@code |}, {@code <} and {@code >} percent-encoded, safe inside {@code <url|name>}
     */
    static String mrkdwnSafe(String url) {
        return url.replace("|", "%7C").replace("<", "%3C").replace(">", "%3E");
    }

    /**
     * @param url a link, or null
     * @return the URL for a button, when it is an absolute http(s) URL Slack accepts; empty otherwise (Slack would
     *     refuse the whole message for one bad button URL)
     */
    static Optional<String> buttonUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String safe = mrkdwnSafe(url);
        if (safe.length() > MAX_URL) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(safe);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("https") || scheme.equals("http");
            return web && uri.getHost() != null ? Optional.of(safe) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * @param message the rendered template, which may hold the raw link ({@code {{{fileUrl}}}}) or its escaped
     *     form ({@code {{fileUrl}}})
     * @param url the event's link
     * @return the message with every form of the link replaced by its {@link #mrkdwnSafe} form
     */
    static String secure(String message, String url) {
        String safe = mrkdwnSafe(url);
        if (safe.equals(url)) {
            return message;
        }
        return message.replace(url, safe).replace(SlackText.escape(url), SlackText.escape(safe));
    }
}
