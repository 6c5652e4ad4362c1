package dev.s3notify.core.support;

import java.nio.charset.StandardCharsets;

/** RFC 3986 percent-encoding of URL parts: public links' keys, webhook query parameters. */
public final class UriEncoding {
    private UriEncoding() {
    }

    /**
     * Encodes every byte but the unreserved characters {@code A-Z a-z 0-9 - . _ ~} as {@code %XX} with uppercase hex.
     *
     * @param text the text
     * @param encodeSlash whether '/' is encoded too (false for paths)
     * @return the encoded text
     */
    public static String encode(String text, boolean encodeSlash) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved || (c == '/' && !encodeSlash)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
