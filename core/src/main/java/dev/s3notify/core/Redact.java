package dev.s3notify.core;

import java.net.URI;

/** Turns credentials-bearing URLs into text that is safe for logs and exception messages. */
public final class Redact {
    private static final java.util.regex.Pattern SIGNING_PARAMETER = java.util.regex.Pattern.compile(
            "(?i)(X-Amz-(?:Signature|Credential|Security-Token)=)[^&\\s\"'<>]*");

    private Redact() {
    }

    /**
     * @param text any text, such as a quote from an event, which may hold a presigned URL
     * @return the text with the values of SigV4's signature, credential and security-token parameters replaced
     */
    public static String signingParameters(String text) {
        return text == null ? null : SIGNING_PARAMETER.matcher(text).replaceAll("$1<redacted>");
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
     * @param url any URL, possibly malformed
     * @return only its host: what may be shown of a webhook URL, whose path is the credential
     */
    public static String host(String url) {
        if (url == null) {
            return "null";
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? "<unparseable URL>" : host;
        } catch (IllegalArgumentException e) {
            return "<unparseable URL>";
        }
    }
}
