package dev.s3notify.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks URLs given in configuration. */
final class Urls {
    private Urls() {
    }

    static URI parse(String text, boolean httpsOnly) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("a valid absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("an absolute http(s) URL with a host");
        }
        if (httpsOnly && scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("an https URL (plain http is accepted only for localhost and 127.x)");
        }
        return uri;
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }
}
