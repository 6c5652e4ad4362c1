package dev.s3notify.core.dispatch;

import dev.s3notify.core.support.UriEncoding;
import dev.s3notify.core.support.UrlSecrets;
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
     * The webhook URL's secret parts, to be removed from anything a server sends back: some servers echo the
     * request line ("Cannot POST /hooks/TOKEN"), a query value ({@code token=}, Teams' {@code sig=}), or a token
     * alone, and the formatter cannot know the URL.
     *
     * @param url the webhook URL, with or without the formatter's query parameters
     * @return the URL, its path and query, its long path segments and its query values, raw and decoded
     */
    static List<String> secrets(URI url) {
        List<String> secrets = new ArrayList<>();
        secrets.add(url.toString());
        secrets.add(url.getRawPath());
        secrets.add(url.getPath());
        secrets.add(url.getRawQuery());
        secrets.addAll(UrlSecrets.parts(url));
        secrets.removeIf(secret -> secret == null || secret.length() <= 1);
        // As a JSON string would carry them: "https:\/\/host\/api\/webhooks\/ID\/TOKEN".
        List.copyOf(secrets).stream().filter(secret -> secret.contains("/"))
                .forEach(secret -> secrets.add(secret.replace("/", "\\/")));
        return secrets;
    }
}
