package dev.s3notify.core.support;

import dev.s3notify.core.text.SafeText;
import java.net.URI;

/** Turns credentials-bearing URLs into text that is safe for logs and exception messages. */
public final class Redact {
    private Redact() {
    }

    /**
     * @param text any text, such as a quote from an event, which may hold a presigned URL
     * @return the text with the values of SigV4's signature, credential and security-token parameters (and of
     *     other parameters named like credentials, such as {@code sig} and {@code token}) replaced
     */
    public static String signingParameters(String text) {
        return SafeText.signingParameters(text);
    }

    /**
     * @param url any URL, possibly malformed
     * @return scheme, host, port and path with the query replaced by a marker; the userinfo is dropped
     */
    public static String url(String url) {
        if (url == null) {
            return "null";
        }
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return "<unparseable URL>";
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?<redacted>";
            return uri.getScheme() + "://" + uri.getHost() + port + path + query;
        } catch (IllegalArgumentException e) {
            return "<unparseable URL>";
        }
    }

    /**
     * @param url any URL, possibly malformed, or an ARN given where a webhook URL goes
     * @return only its host: what may be shown of a webhook URL, whose path is the credential; of an ARN, all but
     *     the account ({@code arn:aws:sns:us-east-1:…:uploads}), which names no credential
     */
    public static String host(String url) {
        if (url == null) {
            return "null";
        }
        if (url.regionMatches(true, 0, "arn:", 0, 4)) {
            String[] parts = url.split(":", 6);
            return parts.length < 6 ? "<unparseable ARN>" : SafeText.cut(String.join(":", parts[0], parts[1],
                    parts[2], parts[3], parts[4].isEmpty() ? "" : "…", parts[5]), 200);
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? "<unparseable URL>" : host;
        } catch (IllegalArgumentException e) {
            return "<unparseable URL>";
        }
    }
}
