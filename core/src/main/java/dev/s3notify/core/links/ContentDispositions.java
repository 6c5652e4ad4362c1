package dev.s3notify.core.links;

import dev.s3notify.core.links.LinkSettings.ContentDisposition;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code Content-Disposition} a link asks S3 to answer with (RFC 6266): a quoted ASCII {@code filename} for old
 * clients and an RFC 5987 {@code filename*} carrying the real UTF-8 name, which modern browsers prefer.
 */
final class ContentDispositions {
    private static final String ATTR_CHAR_PUNCTUATION = "!#$&+-.^_`|~";

    private ContentDispositions() {
    }

    /**
     * @param mode what a click should do
     * @param fileName the name to save under, any Unicode
     * @return the header value, or empty for {@link ContentDisposition#NONE}
     */
    static Optional<String> header(ContentDisposition mode, String fileName) {
        if (mode == ContentDisposition.NONE) {
            return Optional.empty();
        }
        String type = mode == ContentDisposition.ATTACHMENT ? "attachment" : "inline";
        if (fileName.isEmpty()) {
            return Optional.of(type);
        }
        return Optional.of(type + "; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''"
                + rfc5987(fileName));
    }

    /** Replaces what a quoted-string cannot safely hold (non-ASCII, controls, quote, backslash) with '_'. */
    static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? '_' : (char) c));
        return out.toString();
    }

    /** Percent-encodes the UTF-8 bytes of everything but RFC 5987's attr-char. */
    static String rfc5987(String name) {
        StringBuilder out = new StringBuilder(name.length() * 2);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean attrChar = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || (c < 0x80 && ATTR_CHAR_PUNCTUATION.indexOf(c) >= 0);
            if (attrChar) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
