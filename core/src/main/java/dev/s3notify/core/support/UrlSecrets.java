package dev.s3notify.core.support;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a URL that are tokens: its long path segments (a Discord or Slack webhook's) and its query values
 * (Teams' {@code sig=}), raw and percent-decoded. The one rule both the webhook sender and the known secrets of
 * the environment redact by.
 */
public final class UrlSecrets {
    /** Path segments this long are taken for tokens, as in a Discord or Slack webhook URL. */
    public static final int SECRET_SEGMENT_LENGTH = 16;

    private UrlSecrets() {
    }

    /**
     * @param url a URL
     * @return its long path segments and its query values, each raw and decoded, in order
     */
    public static List<String> parts(URI url) {
        List<String> parts = new ArrayList<>();
        for (String segment : url.getRawPath() == null ? new String[0] : url.getRawPath().split("/")) {
            if (segment.length() >= SECRET_SEGMENT_LENGTH) {
                parts.add(segment);
                parts.add(decoded(segment));
            }
        }
        for (String pair : url.getRawQuery() == null ? new String[0] : url.getRawQuery().split("&")) {
            String value = pair.substring(pair.indexOf('=') + 1);
            parts.add(value);
            parts.add(decoded(value));
        }
        return parts;
    }

    private static String decoded(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }
}
