package dev.s3notify.core.decoding;

import dev.s3notify.core.error.InvalidEventException;
import dev.s3notify.core.input.Urls;
import dev.s3notify.core.text.SafeText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks the link a link event carries before a formatter puts it in a message as something to click: only an
 * absolute https URL (plain http for a loopback host, for local tests) without a user name is a link. Anything
 * else ({@code javascript:}, {@code data:}, {@code file:}, text with spaces that would add a second markdown link)
 * is an error for that event. Parentheses, which RFC 3986 allows but which would end a markdown link early, are
 * percent-encoded ({@code %28}, {@code %29}); S3 and every shipped link generator read both forms alike.
 */
final class LinkUrls {
    /** Presigned URLs with a session token run to a few KB; this is far above them. */
    static final int MAX_LENGTH = 16 * 1024;

    private LinkUrls() {
    }

    /**
     * @param url the link, or null
     * @param context what it is, for messages: {@code file-link-generated detail field 'fileUrl'}
     * @return the link with parentheses percent-encoded, or null for null
     * @throws InvalidEventException saying why it is not a link, showing its scheme and host at most
     */
    static String checked(String url, String context) {
        if (url == null) {
            return null;
        }
        if (url.length() > MAX_LENGTH) {
            throw notALink(context, "it is " + url.length() + " characters long (at most " + MAX_LENGTH + ")", url);
        }
        if (!url.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw notALink(context, "it holds spaces, control characters or characters outside ASCII that a URL"
                    + " must percent-encode", url);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw notALink(context, "it is not a valid URL (" + SafeText.cut(e.getReason(), 80) + ")", url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw notALink(context, scheme.isEmpty() ? "it has no scheme and host" : "its scheme is "
                    + SafeText.quote(scheme) + ", not https", url);
        }
        if (scheme.equals("http") && !Urls.isLoopback(uri.getHost())) {
            throw notALink(context, "plain http is accepted only for localhost and loopback addresses", url);
        }
        if (uri.getRawUserInfo() != null) {
            throw notALink(context, "it carries a user name before its host", url);
        }
        return url.replace("(", "%28").replace(")", "%29");
    }

    private static InvalidEventException notALink(String context, String why, String url) {
        return new InvalidEventException(context + " is not a link people can be sent to: " + why + "; expected an"
                + " https URL (http only for localhost). Found " + SafeText.quote(url));
    }
}
