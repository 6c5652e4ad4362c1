package dev.s3notify.core.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** The webhook URL, a credential: adding a formatter's query parameters, and keeping it out of error text. */
final class WebhookUrls {
    /** Path segments at least this long are taken for tokens and redacted wherever they appear. */
    private static final int SECRET_SEGMENT_LENGTH = 16;

    private WebhookUrls() {
    }

    /**
     * Adds the formatter's query parameters to the webhook URL, replacing any of the same name the URL already has
     * (the formatter's come from explicit settings) and keeping the fragment.
     */
    static URI withQuery(URI url, Map<String, String> query) {
        if (query.isEmpty()) {
            return url;
        }
        String text = url.toString();
        String fragment = url.getRawFragment();
        String rawQuery = url.getRawQuery();
        int end = text.length() - (fragment == null ? 0 : fragment.length() + 1);
        int base = rawQuery == null ? end : end - rawQuery.length() - 1;
        StringJoiner parameters = new StringJoiner("&");
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !query.containsKey(name)) {
                    parameters.add(pair);
                }
            }
        }
        new TreeMap<>(query).forEach((name, value) -> parameters.add(UriEncoding.encode(name, true) + "="
                + UriEncoding.encode(value, true)));
        return URI.create(text.substring(0, base) + "?" + parameters
                + (fragment == null ? "" : "#" + fragment));
    }

    /**
     * Removes the webhook URL's secret parts from a platform's explanation: some servers echo the request line
     * ("Cannot POST /hooks/TOKEN"), and the formatter cannot know the URL.
     */
    static String scrub(String reason, URI url) {
        String scrubbed = reason == null ? "" : reason;
        List<String> secrets = new ArrayList<>();
        secrets.add(url.toString());
        secrets.add(url.getRawPath());
        secrets.add(url.getPath());
        secrets.add(url.getRawQuery());
        for (String segment : url.getRawPath() == null ? new String[0] : url.getRawPath().split("/")) {
            if (segment.length() >= SECRET_SEGMENT_LENGTH) {
                secrets.add(segment);
                secrets.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
            }
        }
        for (String secret : secrets) {
            if (secret != null && secret.length() > 1) {
                scrubbed = scrubbed.replace(secret, "<redacted>");
            }
        }
        return scrubbed;
    }
}
